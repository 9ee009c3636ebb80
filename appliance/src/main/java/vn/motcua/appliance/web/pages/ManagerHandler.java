package vn.motcua.appliance.web.pages;

import java.util.Map;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.auth.StaffGate;

/** {@code GET /manager/summary}: {@link ManagerSummary} for a logged-in manager (an account allowed every counter). */
public final class ManagerHandler extends Handler.Abstract {
    private final QueueService queue;
    private final StaffGate staff;
    private final ApplianceConfig.Manager limits;

    public ManagerHandler(QueueService queue, StaffGate staff, ApplianceConfig.Manager limits) {
        this.queue = queue;
        this.staff = staff;
        this.limits = limits;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback, 0);
        boolean manager = staff.session(request).map(s -> s.account().isManager()).orElse(false);
        if (!manager) {
            ErrorCatalogue.MANAGER_ONLY.send(x);
        } else {
            Map<String, Object> summary = queue.read(e -> ManagerSummary.of(e, limits));
            summary.put("bookings", ManagerSummary.bookings(queue.bookingCounts()));
            x.json(200, summary);
        }
        return true;
    }
}
