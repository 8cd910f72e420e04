package io.github.ontapkafka.iscsi.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The simulator's admin API, for driving a running simulator with {@code curl} or a script. It lives on the same
 * server as the clusters, under {@code /simulator} (outside every cluster's {@code /api}), always needs the server's
 * HTTP Basic credentials (client certificates and bearer tokens open only the clusters), and is never subject to
 * faults. Replies are JSON; errors use ONTAP's error body.
 *
 * <table>
 * <caption>Endpoints ({id} is a cluster's mount id, e.g. {@code c1})</caption>
 * <tr><th>Request</th><th>Effect</th></tr>
 * <tr><td>{@code GET /simulator/clusters}</td><td>lists clusters: id, name, uuid, version, base URL, session count,
 *     node names, settings</td></tr>
 * <tr><td>{@code GET /simulator/clusters/{id}/sessions}</td><td>every session, all fields</td></tr>
 * <tr><td>{@code POST /simulator/clusters/{id}/sessions[?count=N]}</td><td>logs in N (default 1) generated sessions;
 *     returns them</td></tr>
 * <tr><td>{@code GET /simulator/clusters/{id}/sessions/{svm.uuid}/{tpgroup}/{tsih}}</td><td>one session</td></tr>
 * <tr><td>{@code DELETE /simulator/clusters/{id}/sessions/{svm.uuid}/{tpgroup}/{tsih}}</td><td>logs it out</td></tr>
 * <tr><td>{@code POST /simulator/clusters/{id}/sessions/{svm.uuid}/{tpgroup}/{tsih}/connections}</td><td>adds a
 *     generated connection; returns it</td></tr>
 * <tr><td>{@code DELETE /simulator/clusters/{id}/sessions/{svm.uuid}/{tpgroup}/{tsih}/connections/{cid}}</td>
 *     <td>drops that connection (the last one ends the session)</td></tr>
 * <tr><td>{@code POST /simulator/clusters/{id}/churn?operations=N} or {@code ?rate=0.01}</td><td>applies N random
 *     operations, or rate × session count; returns what was done</td></tr>
 * <tr><td>{@code GET /simulator/clusters/{id}/ems}</td><td>every EMS event the nodes hold, all fields</td></tr>
 * <tr><td>{@code POST /simulator/clusters/{id}/ems?kind=K[&node=NAME]}</td><td>logs an event on the node (the first
 *     by default) and returns it, or no record when suppression dropped it; kind {@code refused} (with
 *     {@code initiator=}, {@code svm=}, {@code lif=}, {@code address=}), {@code failure} ({@code text=}),
 *     {@code missing} or {@code restored} ({@code initiator=}, {@code svm=}, {@code portset=}, {@code svm_uuid=}),
 *     {@code noise} ({@code count=N}), or {@code event} ({@code name=}, {@code severity=},
 *     {@code param.<name>=<value>}...); each parameter has a default</td></tr>
 * <tr><td>{@code DELETE /simulator/clusters/{id}/ems/catalogue/{message}}</td><td>makes the cluster's release lack
 *     that message: an exact query for it fails with 400</td></tr>
 * <tr><td>{@code GET /simulator/clusters/{id}/faults}</td><td>lists pending faults</td></tr>
 * <tr><td>{@code POST /simulator/clusters/{id}/faults?kind=K[&page=P[&collection=sessions|ems]][&times=N]}</td>
 *     <td>schedules a fault; kind {@code status} (with {@code status=400|401|403|404|405|409|429|500|502|503|504},
 *     and {@code html=true} for an HTML 401), {@code malformed-json}, {@code html}, {@code delay} (with
 *     {@code ms=}), {@code drop}, or {@code down} (drops every request until cleared). {@code page=P} hits only page
 *     P of a walk through the sessions, or with {@code collection=ems} the EMS events; {@code times=N} wears off
 *     after N requests, otherwise it lasts until cleared</td></tr>
 * <tr><td>{@code DELETE /simulator/clusters/{id}/faults}</td><td>clears every fault (brings a down cluster
 *     back)</td></tr>
 * <tr><td>{@code GET /simulator/clusters/{id}/settings}</td><td>shows the settings below</td></tr>
 * <tr><td>{@code POST /simulator/clusters/{id}/settings?page_cap=N&privilege_denied=true|false&unknown_field=true|false&initiator_comment=true|false&ems_retention=N&ems_suppression_seconds=S}</td>
 *     <td>changes any of them: the server's own page size cap; 403 for every request; an unknown extra field in
 *     records; whether records carry {@code initiator.comment}; how many EMS events each node holds; the EMS
 *     duplicate suppression window (0: off)</td></tr>
 * <tr><td>{@code GET /simulator/clusters/{id}/stats}</td><td>requests in total and per path, bytes served</td></tr>
 * <tr><td>{@code DELETE /simulator/clusters/{id}/stats}</td><td>resets the counters</td></tr>
 * <tr><td>{@code POST /simulator/oauth2/revoke}</td><td>revokes every token the server's token endpoint issued so
 *     far</td></tr>
 * <tr><td>{@code POST /simulator/oauth2/down?down=true|false}</td><td>takes the token endpoint down (503) or brings
 *     it back</td></tr>
 * </table>
 *
 * <p>Example: {@code curl -u admin:secret -X POST
 * 'http://127.0.0.1:8443/simulator/clusters/c1/faults?kind=status&status=500&page=3&times=1'}
 */
public final class AdminApi {

    static final String PREFIX = "/simulator";

    private final OntapSimulatorServer server;
    private final BasicCredentials credentials;

    AdminApi(OntapSimulatorServer server, BasicCredentials credentials) {
        this.server = server;
        this.credentials = credentials;
    }

    static Reply error(int status, String message) {
        return OntapErrors.error(status, message, Integer.toString(status));
    }

    Reply handle(ApiRequest request) {
        if (!credentials.accept(request.authorization())) {
            return OntapErrors.unauthorized();
        }
        try {
            return route(request);
        } catch (RejectedRequest rejected) {
            return rejected.reply();
        } catch (IllegalArgumentException | IllegalStateException refused) {
            // Bad parameters and refusals by the model alike: their messages are written for the admin user.
            return error(400, refused.getMessage());
        }
    }

    private Reply route(ApiRequest request) {
        List<String> path = request.segments();
        if (path.equals(List.of("simulator", "clusters"))) {
            return expect(request, "GET", this::listClusters);
        }
        if (path.size() == 3 && path.get(1).equals("oauth2")) {
            return oauth2(request, path.get(2), new AdminQuery(request.query()));
        }
        if (path.size() < 4 || !path.get(1).equals("clusters")) {
            return error(404, "No such admin resource: " + request.rawPath());
        }
        MountedCluster mounted = server.mount(path.get(2))
                .orElseThrow(() -> new RejectedRequest(error(404, "No cluster mounted as " + path.get(2))));
        List<String> rest = path.subList(4, path.size());
        AdminQuery query = new AdminQuery(request.query());
        return switch (path.get(3)) {
            case "sessions" -> sessions(request, mounted, rest, query);
            case "churn" -> expect(request, "POST", () -> churn(mounted, query));
            case "ems" -> ems(request, mounted.cluster(), rest, query);
            case "faults" -> faults(request, mounted.cluster(), query);
            case "settings" -> settings(request, mounted.cluster(), query);
            case "stats" -> stats(request, mounted.cluster());
            default -> error(404, "No such admin resource: " + request.rawPath());
        };
    }

    private Reply oauth2(ApiRequest request, String action, AdminQuery query) {
        TokenEndpoint tokens = server.tokenEndpoint()
                .orElseThrow(() -> new RejectedRequest(error(404, "This server serves no token endpoint")));
        return switch (action) {
            case "revoke" -> expect(request, "POST", () -> {
                tokens.revokeAll();
                return done("revoked every token issued so far");
            });
            case "down" -> expect(request, "POST", () -> {
                boolean down = query.flag("down")
                        .orElseThrow(() -> new IllegalArgumentException("Give down=true or down=false"));
                tokens.down(down);
                return done(down ? "token endpoint down" : "token endpoint up");
            });
            default -> error(404, "No such admin resource: " + request.rawPath());
        };
    }

    private Reply listClusters() {
        return json(out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("clusters");
            for (MountedCluster mounted : server.mounts()) {
                SimulatedCluster cluster = mounted.cluster();
                out.writeStartObject();
                out.writeStringField("id", mounted.id());
                out.writeStringField("name", cluster.name());
                out.writeStringField("uuid", cluster.uuid());
                out.writeStringField("version", cluster.version().full());
                out.writeStringField("base_url", server.baseUrl(mounted));
                out.writeNumberField("sessions", cluster.size());
                out.writeArrayFieldStart("nodes");
                for (SimulatedNode node : cluster.nodes()) {
                    out.writeString(node.name());
                }
                out.writeEndArray();
                writeSettingsFields(out, cluster);
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        });
    }

    private Reply sessions(ApiRequest request, MountedCluster mounted, List<String> path, AdminQuery query) {
        SimulatedCluster cluster = mounted.cluster();
        SessionChurn workload = mounted.workload();
        if (path.isEmpty()) {
            if (request.method().equals("POST")) {
                int count = query.integer("count").orElse(1);
                List<IscsiSession> created = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    created.add(workload.login(cluster));
                }
                return sessionList(created);
            }
            return expect(request, "GET", () -> sessionList(cluster.sessions()));
        }
        if (path.size() < 3) {
            return error(404, "Name a session as {svm.uuid}/{tpgroup}/{tsih}");
        }
        SessionKey key = sessionKey(path);
        List<String> below = path.subList(3, path.size());
        if (below.isEmpty()) {
            if (request.method().equals("DELETE")) {
                return workload.logout(cluster, key) ? done("logged out " + key) : noSession(key);
            }
            return expect(request, "GET", () -> cluster.session(key).map(AdminApi::sessionReply).orElse(noSession(key)));
        }
        if (!below.get(0).equals("connections")) {
            return error(404, "No such admin resource: " + request.rawPath());
        }
        if (below.size() == 1) {
            return expect(request, "POST", () -> workload.addConnection(cluster, key)
                    .map(AdminApi::connectionReply).orElse(noSession(key)));
        }
        int cid = AdminQuery.parseInteger("cid", below.get(1));
        return expect(request, "DELETE", () -> cluster.dropConnection(key, cid)
                ? done("dropped connection " + cid + " of " + key) : error(404, "No connection " + cid + " in " + key));
    }

    private Reply churn(MountedCluster mounted, AdminQuery query) {
        SimulatedCluster cluster = mounted.cluster();
        ChurnSummary summary = query.decimal("rate")
                .map(rate -> mounted.workload().step(cluster, rate))
                .orElseGet(() -> mounted.workload().apply(cluster, query.requiredInteger("operations")));
        return json(out -> {
            out.writeStartObject();
            out.writeNumberField("logins", summary.logins());
            out.writeNumberField("logouts", summary.logouts());
            out.writeNumberField("connections_added", summary.connectionsAdded());
            out.writeNumberField("connections_dropped", summary.connectionsDropped());
            out.writeNumberField("tsih_reuses", summary.tsihReuses());
            out.writeNumberField("sessions", cluster.size());
            out.writeEndObject();
        });
    }

    private static Reply ems(ApiRequest request, SimulatedCluster cluster, List<String> path, AdminQuery query) {
        if (path.size() == 2 && path.get(0).equals("catalogue")) {
            String message = path.get(1);
            return expect(request, "DELETE", () -> cluster.removeFromCatalogue(message)
                    ? done("removed " + message + " from the catalogue")
                    : error(404, "The catalogue lacks " + message));
        }
        if (!path.isEmpty()) {
            return error(404, "No such admin resource: " + request.rawPath());
        }
        if (request.method().equals("POST")) {
            return emsList(cluster, AdminEms.log(cluster, query));
        }
        return expect(request, "GET", () -> emsList(cluster, cluster.emsEvents()));
    }

    private Reply faults(ApiRequest request, SimulatedCluster cluster, AdminQuery query) {
        switch (request.method()) {
            case "POST":
                ScheduledFault scheduled = AdminFaults.schedule(cluster.faults(), query);
                return done("scheduled " + scheduled);
            case "DELETE":
                cluster.faults().clear();
                return done("cleared every fault");
            default:
                return expect(request, "GET", () -> json(out -> {
                    out.writeStartObject();
                    out.writeArrayFieldStart("faults");
                    for (ScheduledFault fault : cluster.faults().pending()) {
                        out.writeString(fault.toString());
                    }
                    out.writeEndArray();
                    out.writeEndObject();
                }));
        }
    }

    private Reply settings(ApiRequest request, SimulatedCluster cluster, AdminQuery query) {
        if (request.method().equals("POST") || request.method().equals("PUT")) {
            query.integer("page_cap").ifPresent(cluster::setPageCap);
            query.flag("privilege_denied").ifPresent(cluster::setPrivilegeDenied);
            query.flag("unknown_field").ifPresent(cluster::setUnknownFieldReported);
            query.flag("initiator_comment").ifPresent(cluster::setInitiatorCommentReported);
            query.integer("ems_retention").ifPresent(cluster::setEmsRetention);
            query.integer("ems_suppression_seconds").map(Duration::ofSeconds).ifPresent(cluster::setEmsSuppression);
        } else if (!request.isGet()) {
            return error(405, "Use GET, POST or PUT");
        }
        return json(out -> {
            out.writeStartObject();
            writeSettingsFields(out, cluster);
            out.writeEndObject();
        });
    }

    private Reply stats(ApiRequest request, SimulatedCluster cluster) {
        RequestStats stats = cluster.stats();
        if (request.method().equals("DELETE")) {
            stats.reset();
            return done("reset the counters");
        }
        return expect(request, "GET", () -> json(out -> {
            out.writeStartObject();
            out.writeNumberField("total_requests", stats.totalRequests());
            out.writeNumberField("bytes_served", stats.bytesServed());
            out.writeObjectFieldStart("requests_by_path");
            for (Map.Entry<String, Long> path : stats.requestsByPath().entrySet()) {
                out.writeNumberField(path.getKey(), path.getValue());
            }
            out.writeEndObject();
            out.writeEndObject();
        }));
    }

    private static void writeSettingsFields(JsonGenerator out, SimulatedCluster cluster) throws IOException {
        if (cluster.pageCap() != Integer.MAX_VALUE) {
            out.writeNumberField("page_cap", cluster.pageCap());
        }
        out.writeBooleanField("privilege_denied", cluster.isPrivilegeDenied());
        out.writeBooleanField("unknown_field", cluster.isUnknownFieldReported());
        out.writeBooleanField("initiator_comment", cluster.isInitiatorCommentReported());
        out.writeNumberField("ems_retention", cluster.emsRetention());
        out.writeNumberField("ems_suppression_seconds", cluster.emsSuppression().toSeconds());
    }

    private static Reply sessionList(List<IscsiSession> sessions) {
        SessionRecordWriter writer = SessionRecordWriter.complete();
        return json(out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("records");
            for (IscsiSession session : sessions) {
                writer.write(out, session);
            }
            out.writeEndArray();
            out.writeNumberField("num_records", sessions.size());
            out.writeEndObject();
        });
    }

    private static Reply emsList(SimulatedCluster cluster, List<EmsEvent> events) {
        EmsRecordWriter writer = EmsRecordWriter.complete(cluster.clock().getZone());
        return json(out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("records");
            for (EmsEvent event : events) {
                writer.write(out, event);
            }
            out.writeEndArray();
            out.writeNumberField("num_records", events.size());
            out.writeEndObject();
        });
    }

    private static Reply sessionReply(IscsiSession session) {
        return json(out -> SessionRecordWriter.complete().write(out, session));
    }

    private static Reply connectionReply(Connection connection) {
        return json(out -> SessionRecordWriter.complete().writeConnection(out, connection));
    }

    private static SessionKey sessionKey(List<String> path) {
        return new SessionKey(path.get(0), path.get(1), AdminQuery.parseInteger("tsih", path.get(2)));
    }

    private static Reply noSession(SessionKey key) {
        return error(404, "No session " + key);
    }

    private static Reply done(String what) {
        return json(out -> {
            out.writeStartObject();
            out.writeStringField("result", what);
            out.writeEndObject();
        });
    }

    private static Reply expect(ApiRequest request, String method, Supplier<Reply> action) {
        return request.method().equals(method) ? action.get() : error(405, "Use " + method + " here");
    }

    private static Reply json(Json.Body body) {
        return Reply.of(200, Reply.JSON, Json.write(body));
    }
}
