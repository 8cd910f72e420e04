package io.github.ontapkafka.iscsi.ontap;

/**
 * One page of the sessions collection, scanned but not read: where each record's bytes lie in the body, their
 * fingerprints, and the cluster-relative link to the next page (null on the last).
 */
public record SessionPage(byte[] body, int[] recordStarts, int[] recordEnds, long[] fingerprints, String nextHref) {

    public int size() {
        return recordStarts.length;
    }
}
