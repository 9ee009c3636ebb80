package vn.motcua.appliance.service;

import java.util.List;

import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.store.OutboxEvent;

/** Told about every command after it is durably committed: displays, boards, printer, uplink wake-up. */
public interface QueueListener {
    void onCommitted(CommandResult result, List<OutboxEvent> events);
}
