package vn.motcua.appliance;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import vn.motcua.appliance.domain.CounterDef;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.web.auth.StaffAccountsTool;

/** What the demo prints: what is running, where to look, and curl lines to try. */
final class DemoBanner {
    private DemoBanner() {}

    /**
     * The staff accounts tool as a command that works from any folder: this JVM's own {@code java} (the JDK 25 the
     * scripts found, not whatever {@code java} is on the PATH) and the class path made absolute.
     */
    static String staffToolCommand(Path accounts) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().normalize().toString()).collect(Collectors.joining(File.pathSeparator));
        return quoted(java) + " -cp " + quoted(classPath) + " " + StaffAccountsTool.class.getName() + " "
                + quoted(accounts.toAbsolutePath().normalize().toString());
    }

    /** A word for a POSIX shell: single-quoted, a quote inside written as '\''. */
    static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static void print(Appliance a) {
        PrintStream out = System.out;
        String base = "http://127.0.0.1:" + a.webPort();
        ServiceDef first = a.config().office().services().getFirst();
        CounterDef counter = a.config().office().counters().getFirst();
        out.println();
        out.println("================ motcua demo ================");
        out.println("Office   : " + a.config().identity().officeNameVi());
        out.println("Device   : " + a.config().identity().deviceId() + "  (simulated devices, no MQTT broker needed:");
        out.println("           events wait in the outbox until the district link exists)");
        out.println("Data     : " + a.config().identity().dataDir().toAbsolutePath() + " (H2, durable commits)");
        out.println("Services : " + a.config().office().services().size() + ", counters: "
                + a.config().office().counters().size());
        out.println();
        out.println("Hall display : " + base + "/display      (open in a browser; sound after the first click)");
        out.println("Kiosk        : " + base + "/kiosk        Staff: " + base + "/counter   Manager: " + base + "/manager");
        out.println("Dossier      : " + base + "/status?code=000.00.15.H29-261110-0102   (a late sample dossier; the demo has no district link)");
        out.println("Staff login  : add a manager (asks for a password, 8+ characters); it works within seconds, no restart;");
        out.println("               then add clerks on " + base + "/manager (or --help for the tool's other commands):");
        out.println("               " + staffToolCommand(a.config().web().staffAccounts()) + " add lan manager");
        out.println("Queue now    : curl -s " + base + "/api/queue");
        out.println("Health       : curl -s " + base + "/healthz");
        out.println("Take a ticket: curl -s -X POST -H 'Content-Type: application/json' -d '{\"service\":\""
                + first.code() + "\"}' " + base + "/api/tickets");
        out.println("Open counter : curl -s -X POST -H 'Content-Type: application/json' -d '{\"staff\":\"lan\"}' "
                + base + "/api/counters/" + counter.number() + "/open");
        out.println("Call next    : curl -s -X POST " + base + "/api/counters/" + counter.number() + "/call-next");
        out.println("Finish       : curl -s -X POST " + base + "/api/counters/" + counter.number() + "/finish");
        if (a.simulatedBus() != null) {
            out.println();
            out.println("Simulated counter keypads and LED boards (same bus protocol as the real boards):");
            out.println("Press a key  : curl -s -X POST " + base + "/sim/counters/" + counter.number()
                    + "/press/CALL_NEXT   (RECALL, SKIP, START, DONE, PAUSE, PARK, CALL_PARKED, RECALL_NO_SHOW, RATE_1..RATE_4, TRANSFER?to=N)");
            out.println("Board shows  : curl -s " + base + "/sim/counters/" + counter.number() + "/board");
        }
        a.devices().reader().filter(r -> r instanceof vn.motcua.appliance.devices.reader.SimulatedCodeReader).ifPresent(r -> {
            out.println();
            out.println("Simulated code reader, service buttons and printer (same pipelines as the real devices):");
            out.println("Scan a slip  : curl -s --data-binary '000.00.15.H29-261110-0102' " + base
                    + "/sim/reader/scan   (the kiosk opens its status)");
        });
        a.devices().buttons().filter(b -> b instanceof vn.motcua.appliance.devices.buttons.SimulatedButtonPanel).ifPresent(b ->
                out.println("Press button : curl -s -X POST " + base + "/sim/buttons/" + first.code() + "/press"));
        a.devices().printer().flatMap(p -> p.simulator()).ifPresent(p -> {
            out.println("Paper out    : curl -s -X POST '" + base + "/sim/printer/paper?out=true'   (out=false: paper back)");
            out.println("Last ticket  : " + base + "/sim/printer/last.png   (every ticket: "
                    + a.config().identity().dataDir().toAbsolutePath().resolve("tickets") + "/ticket-<day>-<number>.png)");
        });
        out.println();
        out.println("Press Ctrl-C to stop (shuts down cleanly).");
        out.println("=============================================");
        out.flush();
    }
}
