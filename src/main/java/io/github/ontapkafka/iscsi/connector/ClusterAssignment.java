package io.github.ontapkafka.iscsi.connector;

import java.util.ArrayList;
import java.util.List;

/** Spreads the configured clusters over the tasks. */
final class ClusterAssignment {

    private ClusterAssignment() {
    }

    /**
     * Deals the clusters out in configuration order, one per task in turn, so that task loads differ by at most one
     * cluster and a cluster appended to the list changes the assignment of one task only.
     */
    static List<List<String>> spread(List<String> clusters, int maxTasks) {
        int tasks = Math.min(maxTasks, clusters.size());
        List<List<String>> groups = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < clusters.size(); i++) {
            groups.get(i % tasks).add(clusters.get(i).trim());
        }
        return groups;
    }
}
