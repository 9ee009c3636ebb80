package vn.motcua.appliance.web;

import java.util.EnumSet;
import java.util.Set;

import org.eclipse.jetty.server.Request;

/**
 * Who a request on the LAN listener comes from, for {@link LanGate}: a staff session, a paired screen (by its
 * token's role), or neither. Anyone reading or writing is always included; the gate checks the method for
 * {@link Exposure#LAN_GUEST} itself.
 */
@FunctionalInterface
public interface LanAudiences {
    /** The audiences {@code request} belongs to besides anyone's ({@link Exposure.Audience#STAFF} and the screens'). */
    Set<Exposure.Audience> of(Request request);

    /** Nobody is staff or a screen: the LAN serves only what is open to anyone. */
    static LanAudiences none() {
        return request -> EnumSet.noneOf(Exposure.Audience.class);
    }
}
