package io.github.ontapkafka.iscsi.connector;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterAssignmentTest {

    private static List<String> clusters(int count) {
        return IntStream.range(0, count).mapToObj(i -> "https://cluster" + i + ".example.com").toList();
    }

    private static Map<String, Integer> taskOf(List<List<String>> groups) {
        Map<String, Integer> taskOf = new HashMap<>();
        for (int task = 0; task < groups.size(); task++) {
            for (String cluster : groups.get(task)) {
                taskOf.put(cluster, task);
            }
        }
        return taskOf;
    }

    @Test
    void everyClusterGetsExactlyOneTaskAndLoadsDifferByAtMostOne() {
        for (int count = 1; count <= 40; count++) {
            for (int tasks = 1; tasks <= 8; tasks++) {
                List<List<String>> groups = ClusterAssignment.spread(clusters(count), tasks);
                List<Integer> loads = groups.stream().map(List::size).toList();

                assertThat(groups).hasSize(Math.min(count, tasks));
                assertThat(taskOf(groups)).hasSize(count);
                assertThat(Collections.max(loads) - Collections.min(loads)).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void dependsOnTheSetOfClustersNotOnTheirOrder() {
        List<String> shuffled = new ArrayList<>(clusters(12));
        Collections.shuffle(shuffled, new Random(7));

        assertThat(taskOf(ClusterAssignment.spread(shuffled, 3))).isEqualTo(taskOf(ClusterAssignment.spread(clusters(12), 3)));
    }

    @Test
    void addingOrRemovingAClusterMovesFewOthers() {
        Random random = new Random(11);
        int worst = 0;
        for (int trial = 0; trial < 200; trial++) {
            int count = 6 + random.nextInt(30);
            List<String> before = clusters(count);
            List<String> after = new ArrayList<>(before);
            if (random.nextBoolean()) {
                after.add("https://added" + trial + ".example.com");
            } else {
                after.remove(random.nextInt(count));
            }
            Map<String, Integer> was = taskOf(ClusterAssignment.spread(before, 3));
            Map<String, Integer> now = taskOf(ClusterAssignment.spread(after, 3));
            int moved = (int) now.keySet().stream().filter(was::containsKey)
                    .filter(c -> !was.get(c).equals(now.get(c))).count();
            worst = Math.max(worst, moved);
        }
        // Dealing round-robin in list order would move up to two thirds of the clusters.
        assertThat(worst).isLessThanOrEqualTo(4);
    }
}
