package io.github.ontapkafka.iscsi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;

/**
 * Prints a JMH run of {@link PollCycleBenchmark} (its JSON result file) as a Markdown table, each score with its
 * ratio to the floor measured in the same run.
 */
public final class JmhRatios {

    private JmhRatios() {
    }

    public static void main(String[] args) throws IOException {
        JsonNode results = new ObjectMapper().readTree(new File(args[0]));
        double floor = Double.NaN;
        for (JsonNode result : results) {
            if (result.get("benchmark").asText().endsWith(".floor")) {
                floor = result.get("primaryMetric").get("score").asDouble();
            }
        }
        System.out.println("| benchmark | churn % | ms per poll of 20,000 sessions | ± (99.9 %) | ÷ floor |");
        System.out.println("|---|---|---|---|---|");
        for (JsonNode result : results) {
            String name = result.get("benchmark").asText();
            JsonNode churn = result.path("params").path("churnPercent");
            JsonNode metric = result.get("primaryMetric");
            double score = metric.get("score").asDouble();
            System.out.printf("| %s | %s | %.2f | %.2f | %.2f |%n", name.substring(name.lastIndexOf('.') + 1),
                    churn.isMissingNode() ? "" : churn.asText(), score, metric.get("scoreError").asDouble(),
                    score / floor);
        }
    }
}
