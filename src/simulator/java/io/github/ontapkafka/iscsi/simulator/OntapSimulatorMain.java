package io.github.ontapkafka.iscsi.simulator;

/**
 * Runs the ONTAP simulator until interrupted (SIGINT / Ctrl-C), e.g.
 * {@code java -jar target/ontap-simulator.jar --port 8443 --clusters 2
 * --sessions 50 --churn-per-minute 30 --username admin --password secret --page-cap 500 --seed 7}.
 * See {@link SimulatorOptions#USAGE} for the options and {@link AdminApi} for driving it with curl.
 */
public final class OntapSimulatorMain {

    private static final int USAGE_ERROR = 2;

    private OntapSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(SimulatorOptions.USAGE);
            return;
        }
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(SimulatorOptions.USAGE);
            System.exit(USAGE_ERROR);
            return;
        }
        RunningSimulator simulator = RunningSimulator.launch(options);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "ontap-simulator-shutdown"));
        OntapSimulatorServer server = simulator.server();
        for (SimulatedCluster cluster : simulator.clusters()) {
            System.out.printf("%s  %s  uuid %s  %d sessions%n", server.baseUrl(cluster), cluster.name(),
                    cluster.uuid(), cluster.size());
        }
        if (options.oauth2ClientId() != null) {
            System.out.println("OAuth 2.0 token endpoint: " + server.tokenUrl());
        }
        System.out.println("Admin API: " + server.adminUrl() + "/clusters   (Ctrl-C stops)");
        simulator.awaitClose();
    }
}
