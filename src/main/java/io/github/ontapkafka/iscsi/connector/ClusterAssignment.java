package io.github.ontapkafka.iscsi.connector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Spreads the configured clusters over the tasks: evenly (task loads differ by at most one) and stably. Each cluster
 * ranks the tasks by a hash of its own URL and the task number (rendezvous hashing) and takes the best-ranked task
 * that still has room; clusters choose in the order of their own hash. The outcome depends on the set of clusters,
 * not on their order in the list, and adding or removing one cluster moves only a few others.
 */
final class ClusterAssignment {

    private ClusterAssignment() {
    }

    static List<List<String>> spread(List<String> configured, int maxTasks) {
        List<String> clusters = configured.stream().map(String::trim).toList();
        int tasks = Math.min(maxTasks, clusters.size());
        int base = clusters.size() / tasks;
        int roomForOneMore = clusters.size() % tasks;
        int[] load = new int[tasks];
        int[] taskOf = new int[clusters.size()];
        List<Integer> choosingOrder = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            choosingOrder.add(i);
        }
        choosingOrder.sort(Comparator.comparingLong(i -> rank(clusters.get(i), -1)));
        for (int cluster : choosingOrder) {
            int best = -1;
            for (int task = 0; task < tasks; task++) {
                boolean hasRoom = load[task] < base || (load[task] == base && roomForOneMore > 0);
                if (hasRoom && (best < 0 || rank(clusters.get(cluster), task) > rank(clusters.get(cluster), best))) {
                    best = task;
                }
            }
            if (load[best] == base) {
                roomForOneMore--;
            }
            load[best]++;
            taskOf[cluster] = best;
        }
        List<List<String>> groups = new ArrayList<>(tasks);
        for (int task = 0; task < tasks; task++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < clusters.size(); i++) {
            groups.get(taskOf[i]).add(clusters.get(i));
        }
        return groups;
    }

    /** A stable pseudo-random rank of (cluster, task); task -1 ranks the cluster itself. */
    private static long rank(String cluster, int task) {
        return UUID.nameUUIDFromBytes((cluster + "#" + task).getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }
}
