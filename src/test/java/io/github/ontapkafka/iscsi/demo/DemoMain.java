package io.github.ontapkafka.iscsi.demo;

import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Console;
import java.io.PrintStream;

import static io.github.ontapkafka.iscsi.demo.Palette.Colour.RED;

/**
 * {@code ./demo}: runs the connector against the simulator (or a real cluster) with Kafka, Connect and a schema
 * registry on this machine, and shows its events. Ctrl-C stops every part, through a shutdown hook.
 */
public final class DemoMain {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMain.class);
    private static final int FAILED = 1;
    private static final int USAGE_ERROR = 2;

    private DemoMain() {
    }

    public static void main(String[] args) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n");
            System.err.print(DemoOptions.usage());
            System.exit(USAGE_ERROR);
            return;
        }
        if (options.help()) {
            System.out.print(DemoOptions.usage());
            return;
        }
        boolean colours = options.color() && System.console() != null && System.getenv("NO_COLOR") == null;
        Palette palette = new Palette(colours);
        OntapLogin login = null;
        if (!options.simulated()) {
            try {
                login = login(options);
            } catch (DemoFailure e) {
                System.err.println(e.getMessage());
                System.exit(USAGE_ERROR);
                return;
            }
        }
        // Kept apart from System.out, which the demo silences for a moment while Kafka starts.
        PrintStream console = System.out;
        Demo demo = new Demo(options, login, console, palette);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(demo, console), "demo-shutdown"));
        try {
            demo.start();
            demo.showEvents();
        } catch (Exception e) {
            // Ctrl-C while starting stops parts under the feet of what starts them: that is no failure.
            if (!demo.isStopping()) {
                fail(palette, e);
            }
        }
        // The view returns on its own only when the demo is being stopped; anything else is a failure, and the
        // broker's and worker's threads would keep this JVM alive without an exit.
        if (!demo.isStopping()) {
            fail(palette, new DemoFailure("The console view stopped; details in " + Demo.KAFKA_LOG));
        }
    }

    /** Says what went wrong (in words for a {@link DemoFailure}) and exits; the shutdown hook stops the rest. */
    private static void fail(Palette palette, Exception e) {
        if (e instanceof DemoFailure) {
            System.err.println(palette.paint(RED, e.getMessage()));
        } else {
            LOG.error("The demo failed", e);
            System.err.println(palette.paint(RED, "The demo failed: " + e + "\nDetails in " + Demo.KAFKA_LOG));
        }
        System.exit(FAILED);
    }

    /** The secrets the method needs, from the environment or else typed without echo; never printed. */
    private static OntapLogin login(DemoOptions options) throws DemoFailure {
        Console console = System.console();
        return OntapLogin.read(options, System::getenv,
                console == null ? null : question -> console.readPassword("%s", question));
    }

    private static void stop(Demo demo, PrintStream console) {
        console.println("\nStopping everything the demo started ...");
        demo.stop();
        console.println("Stopped.");
        // The demo's log configuration leaves log4j running for this hook, so that Kafka's last words reach the log.
        LogManager.shutdown();
    }
}
