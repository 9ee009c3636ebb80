package vn.motcua.appliance.web.lan;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's other host of the LAN: a {@link NetNamespace} made before its tests and removed after them, for
 * {@code @RegisterExtension static final AnotherHost HOST = new AnotherHost(1);}. Skips the class where no namespace
 * can be made, and fails it under {@code CI=true} ({@link NetNamespace#requireFor}).
 */
public final class AnotherHost implements BeforeAllCallback, AfterAllCallback {
    private final int addresses;
    private NetNamespace ns;

    /** @param addresses how many hosts (addresses) the namespace holds */
    public AnotherHost(int addresses) {
        this.addresses = addresses;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        NetNamespace.requireFor(context.getDisplayName());
        ns = NetNamespace.create(addresses);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (ns != null) {
            ns.close();
            ns = null;
        }
    }

    public NetNamespace ns() {
        return ns;
    }
}
