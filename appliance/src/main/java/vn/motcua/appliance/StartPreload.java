package vn.motcua.appliance;

import java.util.List;

/**
 * Loads and initialises, on a second thread while the main thread reads the config and opens the store, the classes
 * the start path needs later anyway (issue 20: start-up): H2's SQL layer, Jetty's MIME table (it lists every locale
 * of the JDK) and the JSON mappers. A Pi 4 has four cores and the main thread uses one; nothing here opens a file or a
 * port or changes what starts or in which order: a class being initialised here is waited for by the main thread,
 * and one that fails here fails again, with its error, where the main thread uses it.
 */
final class StartPreload {
    /** In the order the main thread comes to them, after the config: the store, the web server, the screens. */
    static final List<String> CLASSES = List.of(
            "org.h2.Driver",
            "org.h2.engine.Engine",
            "org.h2.command.Parser",
            "org.h2.mvstore.MVStore",
            "org.eclipse.jetty.http.MimeTypes",
            "org.eclipse.jetty.server.Server",
            "vn.motcua.appliance.json.JsonMappers");

    private StartPreload() {}

    /** Starts the loading thread (a daemon: a start that fails early does not wait for it). */
    static void begin() {
        Thread t = new Thread(() -> {
            ClassLoader loader = StartPreload.class.getClassLoader();
            for (String name : CLASSES) {
                try {
                    Class.forName(name, true, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    return; // the main thread meets the same problem where it uses the class, and reports it there
                }
            }
        }, "start-preload");
        t.setDaemon(true);
        t.start();
    }
}
