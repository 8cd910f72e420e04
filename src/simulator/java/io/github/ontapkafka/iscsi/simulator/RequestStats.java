package io.github.ontapkafka.iscsi.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one cluster has served: requests in total and per path (relative to the cluster, without query, e.g.
 * {@code /api/protocols/san/iscsi/sessions}), and response body bytes. Requests that met a fault count too.
 */
public final class RequestStats {

    private final LongAdder total = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();

    void recordRequest(String path) {
        total.increment();
        byPath.computeIfAbsent(path, ignored -> new LongAdder()).increment();
    }

    void recordBytes(long served) {
        bytes.add(served);
    }

    public long totalRequests() {
        return total.sum();
    }

    public long requests(String path) {
        LongAdder count = byPath.get(path);
        return count == null ? 0 : count.sum();
    }

    /** Request counts per path, sorted by path. */
    public Map<String, Long> requestsByPath() {
        Map<String, Long> snapshot = new TreeMap<>();
        byPath.forEach((path, count) -> snapshot.put(path, count.sum()));
        return snapshot;
    }

    public long bytesServed() {
        return bytes.sum();
    }

    public void reset() {
        total.reset();
        bytes.reset();
        byPath.clear();
    }
}
