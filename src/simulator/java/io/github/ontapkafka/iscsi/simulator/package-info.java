/**
 * The ONTAP simulator: test tooling, never shipped with the connector. An HTTP server that answers like ONTAP's
 * REST API for {@code /api/cluster}, {@code /api/cluster/nodes}, {@code /api/protocols/san/iscsi/sessions} and the
 * event log {@code /api/support/ems/events} (paging, field selection, query filters, errors, optional TLS), for any
 * number of simulated clusters, with a workload of logins, logouts, connection changes and now and then a refused
 * login in the event log, injectable faults, and an admin API to drive it. Clusters authenticate as ONTAP can: HTTP Basic,
 * client certificates over mutual TLS, and bearer tokens from an OAuth 2.0 token endpoint ({@link
 * io.github.ontapkafka.iscsi.simulator.TokenEndpoint}) the simulator can serve itself; the admin API takes Basic
 * only.
 *
 * <p>Built from {@code src/simulator/java} with the tests and packaged on its own as
 * {@code target/ontap-simulator.jar} ({@code java -jar target/ontap-simulator.jar --help}); used by the integration
 * tests, the benchmarks, {@code ./demo} and {@code docker-compose.yml}.
 *
 * <p><b>May use:</b> the connector's {@code model}, Jackson's generator and the JDK's {@code com.sun.net.httpserver};
 * nothing of the connector's other packages, so that it stands in for ONTAP, not for the connector.
 */
package io.github.ontapkafka.iscsi.simulator;
