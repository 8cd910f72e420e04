package io.github.ontapkafka.iscsi.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A Java program in a JVM of its own, so that a test can kill it as a crash would: SIGKILL, no shutdown hooks. */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildJvm start(String classpath, Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-cp", classpath,
                mainClass));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildJvm(process, log);
    }

    /** This JVM's classpath, keeping only the entries {@code keep} accepts. */
    static String classpath(Predicate<String> keep) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).filter(keep)
                .collect(Collectors.joining(File.pathSeparator));
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
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
    }
}
