package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.EmsParameter;

import java.util.List;

/**
 * Turns the admin API's EMS parameters into events logged on a cluster's node. Every parameter but {@code kind} has
 * a default, so that {@code POST .../ems?kind=refused} alone shows a refused login.
 */
final class AdminEms {

    private AdminEms() {
    }

    /**
     * {@code kind} is one of {@code refused} ({@code initiator}, {@code svm}, {@code lif}, {@code address}),
     * {@code failure} ({@code text}), {@code missing} or {@code restored} ({@code initiator}, {@code svm},
     * {@code portset}, {@code svm_uuid}), {@code noise} ({@code count}) or {@code event} ({@code name},
     * {@code severity}, and {@code param.<name>=<value>} for each parameter); {@code node} names the node, the first
     * one by default.
     *
     * @return the events logged: none when suppression dropped the one asked for
     */
    static List<EmsEvent> log(SimulatedCluster cluster, AdminQuery query) {
        SimulatedNode node = node(cluster, query);
        String kind = query.requiredText("kind");
        if (kind.equals("noise")) {
            return cluster.logNoise(node, query.integer("count").orElse(1));
        }
        String initiator = query.text("initiator").orElse("iqn.1994-05.com.redhat:0a1b2c3d4e5f");
        String svm = query.text("svm").orElse("svm_prod_01");
        EmsEvent event = switch (kind) {
            case "refused" -> cluster.logLoginRefused(node, initiator, svm, query.text("lif").orElse("iscsi_lif_a1"),
                    query.text("address").orElse("192.0.2.250"));
            case "failure" -> cluster.logLoginFailure(node, query.text("text").orElse("Authentication failed"));
            case "missing" -> cluster.logInitiatorLoginMissing(node, initiator, svm, portset(query), svmUuid(query));
            case "restored" -> cluster.logInitiatorLoginRestored(node, initiator, svm, portset(query), svmUuid(query));
            case "event" -> cluster.logEvent(node, query.requiredText("name"), query.text("severity").orElse("notice"),
                    query.withPrefix("param.").entrySet().stream()
                            .map(parameter -> new EmsParameter(parameter.getKey(), parameter.getValue()))
                            .toArray(EmsParameter[]::new));
            default -> throw new IllegalArgumentException("Unknown EMS kind " + kind
                    + "; use refused, failure, missing, restored, noise or event");
        };
        return event == null ? List.of() : List.of(event);
    }

    private static SimulatedNode node(SimulatedCluster cluster, AdminQuery query) {
        List<SimulatedNode> nodes = cluster.nodes();
        return query.text("node").map(name -> nodes.stream().filter(node -> node.name().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("No node " + name + "; nodes are " + nodes)))
                .orElse(nodes.get(0));
    }

    private static String portset(AdminQuery query) {
        return query.text("portset").orElse("");
    }

    private static String svmUuid(AdminQuery query) {
        return query.text("svm_uuid").orElse("");
    }
}
