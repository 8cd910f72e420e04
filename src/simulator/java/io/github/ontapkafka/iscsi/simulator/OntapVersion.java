package io.github.ontapkafka.iscsi.simulator;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ONTAP release as {@code GET /api/cluster} reports it in {@code version}. */
public record OntapVersion(String full, int generation, int major, int minor) {

    /** Releases before 9.9 have two parts and patches a suffix: 9.8P4 is 9.8.0, 9.15.1P2 is 9.15.1. */
    private static final Pattern RELEASE_NUMBER = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    public OntapVersion {
        Objects.requireNonNull(full, "full");
    }

    /** Reads the release number out of a full version string such as {@code "NetApp Release 9.15.1: ..."}. */
    public static OntapVersion parse(String full) {
        Matcher number = RELEASE_NUMBER.matcher(full);
        if (!number.find()) {
            throw new IllegalArgumentException("No release number like 9.15.1 in version \"" + full + "\"");
        }
        int minor = number.group(3) == null ? 0 : Integer.parseInt(number.group(3));
        return new OntapVersion(full, Integer.parseInt(number.group(1)), Integer.parseInt(number.group(2)), minor);
    }
}
