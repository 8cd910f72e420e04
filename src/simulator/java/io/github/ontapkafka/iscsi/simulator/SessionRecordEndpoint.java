package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;

import java.util.Optional;
import java.util.Set;

/** {@code GET /api/protocols/san/iscsi/sessions/{svm.uuid}/{tpgroup}/{tsih}}: one session, all fields unless told. */
final class SessionRecordEndpoint {

    private static final Set<String> ACCEPTED = Set.of("fields", "ignore_unknown_fields");

    private final SimulatedCluster cluster;

    SessionRecordEndpoint(SimulatedCluster cluster) {
        this.cluster = cluster;
    }

    Reply get(ApiRequest request, String svmUuid, String portalGroup, String tsih) {
        QueryParameters query = request.query();
        QueryChecks.acceptOnly(query, ACCEPTED::contains);
        Set<SessionField> fields = FieldSelection.parse(SessionField.class, SessionField.KEYS, query.first("fields"),
                SessionField.ALL, QueryChecks.flag(query, "ignore_unknown_fields", false));
        IscsiSession session = parseTsih(tsih)
                .flatMap(number -> cluster.session(new SessionKey(svmUuid, portalGroup, number)))
                .orElseThrow(() -> new RejectedRequest(OntapErrors.entryNotFound("tsih")));
        SessionRecordWriter writer = SessionRecordWriter.forCluster(fields, request.hal(), cluster);
        return Reply.of(200, request.replyContentType(), Json.write(json -> writer.write(json, session)));
    }

    private static Optional<Integer> parseTsih(String tsih) {
        try {
            return Optional.of(Integer.parseInt(tsih));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
