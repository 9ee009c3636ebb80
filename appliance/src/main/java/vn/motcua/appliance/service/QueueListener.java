package vn.motcua.appliance.service;

import java.util.List;

import vn.motcua.appliance.domain.CommandResult;

/** Told about every command after it is durably committed: displays, boards, printer, uplink wake-up. */
public interface QueueListener {
    /** @param events what the commit stored, in sequence order: the command's events and any added to them */
    void onCommitted(CommandResult result, List<CommittedEvent> events);
}
