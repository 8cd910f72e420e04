package io.github.ontapkafka.iscsi.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A Java program in a JVM of its own (a Connect worker, the schema registry), so that a test can kill it as a crash
 * would: SIGKILL, no shutdown hooks. It never outlives the test JVM, whatever way that ends.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Thread killOnExit;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-child-jvm");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Runs {@code java <arguments>}, its output going to {@code log}. */
    static ChildJvm launch(Path log, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildJvm(process, log);
    }

    static ChildJvm start(String classpath, Path log, String mainClass, String... args) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-Xmx384m", "-cp", classpath, mainClass));
        arguments.addAll(Arrays.asList(args));
        return launch(log, arguments.toArray(String[]::new));
    }

    /** This JVM's classpath, keeping only the entries {@code keep} accepts. */
    static String classpath(Predicate<String> keep) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).filter(keep)
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** A loopback port free right now, for a child program to listen on. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Dies on the spot: no offset commit, no transaction commit, no goodbye to the group. */
    void crash() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Asks the program to stop; a Connect worker's shutdown can hang in its REST server, so it is bounded. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            crash();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: nothing left to undo.
        }
    }
}
