package io.github.ontapkafka.iscsi.demo;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

import static io.github.ontapkafka.iscsi.demo.Palette.Colour.BOLD;
import static io.github.ontapkafka.iscsi.demo.Palette.Colour.DIM;
import static io.github.ontapkafka.iscsi.demo.Palette.Colour.GREEN;
import static io.github.ontapkafka.iscsi.demo.Palette.Colour.RED;

/** What the demo is starting, how long each part took and where it listens, as the parts come up. */
record Progress(PrintStream out, Palette palette) {

    private static final int LABEL_WIDTH = 18;

    void title(String text) {
        out.println(palette.paint(BOLD, text));
    }

    /** Says what starts, runs {@code step}, then says how long it took, or that it failed or was cancelled. */
    <T> T step(String what, Callable<T> step) throws Exception {
        out.print("  " + what + " ... ");
        out.flush();
        long started = System.nanoTime();
        T result;
        try {
            result = step.call();
        } catch (CancellationException stopping) {
            out.println(palette.paint(DIM, "cancelled"));
            throw stopping;
        } catch (Exception | Error e) {
            out.println(palette.paint(RED, "failed"));
            throw e;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.println(palette.paint(GREEN, "ready") + palette.paint(DIM, String.format(" (%.1f s)", seconds)));
        return result;
    }

    /** A part's address or another fact about it, aligned under the steps. */
    void detail(String label, String value) {
        out.println("      " + String.format("%-" + LABEL_WIDTH + "s", label) + value);
    }

    void blank() {
        out.println();
    }
}
