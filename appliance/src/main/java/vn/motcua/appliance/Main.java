package vn.motcua.appliance;

import java.nio.file.Path;
import java.time.Clock;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.config.ConfigException;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.store.JournalRoom;

/** Entry point: reads the config, starts the appliance, stops it on SIGTERM / Ctrl-C. Wiring only. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        Path configFile = ConfigLoader.DEFAULT_PATH;
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> configFile = Path.of(args[++i]);
                case "--demo" -> demo = true;
                default -> {
                    System.err.println("usage: motcua-appliance [--config FILE] [--demo]");
                    System.exit(2);
                }
            }
        }
        ApplianceConfig config;
        try {
            config = ConfigLoader.load(configFile);
        } catch (ConfigException e) {
            System.err.println("motcua: " + e.getMessage());
            System.err.println("motcua: not starting with a half-valid configuration.");
            System.exit(2);
            return;
        }
        Appliance appliance = new Appliance(config, Clock.systemUTC());
        if (demo) {
            appliance.demo();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                appliance.close();
            } catch (Exception e) {
                System.err.println("motcua: error while stopping: " + e);
            }
        }, "shutdown"));
        try {
            appliance.start();
        } catch (JournalRoom.NotEnoughSpaceException e) {
            System.err.println("motcua: " + e.getMessage());
            System.exit(3);
            return;
        }
        if (demo) {
            DemoBanner.print(appliance);
        }
        Thread.currentThread().join(); // the appliance runs on its own threads until the shutdown hook
    }
}
