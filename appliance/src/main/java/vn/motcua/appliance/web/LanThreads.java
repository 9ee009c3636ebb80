package vn.motcua.appliance.web;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LAN listener's threads, run at a lower CPU priority than the rest of the appliance ({@code nice}
 * {@value #NICENESS}, per thread: on Linux each Java thread is a task of its own, and raising one's own niceness
 * needs no privilege). A pool of its own keeps LAN requests from taking the kiosk's threads; the priority keeps
 * their TLS handshakes and password hashes from taking the kiosk's CPU: on a 2-core machine a login flood
 * otherwise doubled a resident's ticket time. Where the call is not available the threads run at normal priority
 * (logged once).
 */
final class LanThreads extends QueuedThreadPool {
    private static final Logger log = LoggerFactory.getLogger(LanThreads.class);
    static final int NICENESS = 10;
    private static final int PRIO_PROCESS = 0;
    private static final Optional<MethodHandle[]> CALLS = calls();

    LanThreads(int maxThreads) {
        super(maxThreads, 2);
        setName("web-lan");
    }

    @Override
    public Thread newThread(Runnable job) {
        return super.newThread(() -> {
            lowerThisThread();
            job.run();
        });
    }

    private static void lowerThisThread() {
        CALLS.ifPresent(c -> {
            try {
                int tid = (int) c[0].invokeExact();
                int rc = (int) c[1].invokeExact(PRIO_PROCESS, tid, NICENESS);
                if (rc != 0) {
                    log.debug("setpriority failed for LAN thread {}", tid);
                }
            } catch (Throwable e) {
                log.debug("setpriority failed", e);
            }
        });
    }

    /** gettid() and setpriority(which, who, prio) from the C library, or empty where they are not found. */
    private static Optional<MethodHandle[]> calls() {
        try {
            Linker linker = Linker.nativeLinker();
            var libc = linker.defaultLookup();
            MethodHandle gettid = linker.downcallHandle(libc.find("gettid").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT));
            MethodHandle setpriority = linker.downcallHandle(libc.find("setpriority").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            return Optional.of(new MethodHandle[] {gettid, setpriority});
        } catch (RuntimeException | LinkageError e) {
            log.warn("LAN threads run at normal priority: {}", e.toString());
            return Optional.empty();
        }
    }
}
