package vn.motcua.appliance.district;

import java.time.Instant;

import vn.motcua.appliance.domain.QueueRefusedException;
import vn.motcua.appliance.service.HallMessages;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.StoreException;
import vn.motcua.appliance.uplink.CommandHandler;
import vn.motcua.appliance.uplink.Outcome;

/** Commands from the district server, carried out through the same queue service as a clerk's. */
public final class DistrictCommands implements CommandHandler {
    private final QueueService queue;
    private final HallMessages hall;

    public DistrictCommands(QueueService queue, HallMessages hall) {
        this.queue = queue;
        this.hall = hall;
    }

    @Override
    public Outcome resetQueue(String reason) {
        String why = reason == null || reason.isBlank() ? "district" : reason.strip();
        try {
            queue.execute(e -> e.closeQueue(why.length() > 80 ? why.substring(0, 80) : why));
            return Outcome.done();
        } catch (QueueRefusedException e) {
            return Outcome.refused(e.reason().name());
        } catch (StoreException e) {
            return Outcome.refused("storage failure on the appliance");
        }
    }

    @Override
    public Outcome hallMessage(String textVi, String textEn, Instant until) {
        hall.set(textVi, textEn, until);
        return Outcome.done();
    }
}
