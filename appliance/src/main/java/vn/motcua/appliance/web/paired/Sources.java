package vn.motcua.appliance.web.paired;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import org.eclipse.jetty.server.Request;

/** The address a request came from, as the pairing throttle counts it. */
final class Sources {
    private Sources() {}

    static String of(Request request) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress isa && isa.getAddress() != null
                ? isa.getAddress().getHostAddress() : String.valueOf(remote);
    }
}
