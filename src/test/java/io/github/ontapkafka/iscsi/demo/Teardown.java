package io.github.ontapkafka.iscsi.demo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;

/**
 * What the demo started, stopped in reverse order: the console view before the broker it reads from, the connector's
 * worker before the simulator and the registry it talks to. Stopping may come from another thread (Ctrl-C runs a
 * shutdown hook) while starting is still going on; whatever starts after that is stopped right away.
 */
final class Teardown {

    private final Deque<Part> started = new ArrayDeque<>();
    private boolean stopping;

    /** Something to stop, with what to call it should stopping it fail. */
    record Part(String name, AutoCloseable resource) {
    }

    /** @throws CancellationException when stopping has begun: the part was stopped at once */
    synchronized void add(String name, AutoCloseable resource) {
        Part part = new Part(name, resource);
        if (stopping) {
            stop(part);
            throw new CancellationException("stopping");
        }
        started.push(part);
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    /** Stops every part, the last started first; a part that fails to stop does not keep the others running. */
    synchronized void stopAll() {
        stopping = true;
        while (!started.isEmpty()) {
            stop(started.pop());
        }
    }

    private static void stop(Part part) {
        try {
            part.resource().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("Could not stop the " + part.name() + ": " + e);
        }
    }
}
