package io.github.ontapkafka.iscsi.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.Igroup;
import io.github.ontapkafka.iscsi.model.Initiator;
import io.github.ontapkafka.iscsi.model.IpEndpoint;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.NetworkInterface;
import io.github.ontapkafka.iscsi.model.Svm;

import java.io.IOException;
import java.util.Set;

/** Writes session records the way one cluster's release and one request's options want them. */
final class SessionRecordWriter {

    private final Set<SessionField> fields;
    private final boolean links;
    private final boolean unknownField;
    private final boolean initiatorComment;
    private final boolean portsAsStrings;

    private SessionRecordWriter(Set<SessionField> fields, boolean links, boolean unknownField,
                                boolean initiatorComment, boolean portsAsStrings) {
        this.fields = fields;
        this.links = links;
        this.unknownField = unknownField;
        this.initiatorComment = initiatorComment;
        this.portsAsStrings = portsAsStrings;
    }

    /** Records as {@code cluster}'s release serves them; {@code links}: the client accepts HAL. */
    static SessionRecordWriter forCluster(Set<SessionField> fields, boolean links, SimulatedCluster cluster) {
        return new SessionRecordWriter(fields, links, cluster.isUnknownFieldReported(),
                cluster.isInitiatorCommentReported(), cluster.isPortsAsStrings());
    }

    /** Records exactly as stored, without links, for people inspecting the simulator. */
    static SessionRecordWriter complete() {
        return new SessionRecordWriter(SessionField.ALL, false, false, true, false);
    }

    void write(JsonGenerator json, IscsiSession session) throws IOException {
        json.writeStartObject();
        if (fields.contains(SessionField.SVM)) {
            writeSvm(json, session.svm());
        }
        if (fields.contains(SessionField.TARGET_PORTAL_GROUP)) {
            json.writeStringField("target_portal_group", session.targetPortalGroup());
        }
        if (fields.contains(SessionField.TARGET_PORTAL_GROUP_TAG)) {
            Json.writeNumberIfPresent(json, "target_portal_group_tag", session.targetPortalGroupTag());
        }
        if (fields.contains(SessionField.TSIH)) {
            json.writeNumberField("tsih", session.tsih());
        }
        if (fields.contains(SessionField.ISID)) {
            Json.writeStringIfPresent(json, "isid", session.isid());
        }
        if (fields.contains(SessionField.INITIATOR) && session.initiator() != null) {
            writeInitiator(json, session.initiator());
        }
        if (fields.contains(SessionField.IGROUPS)) {
            writeIgroups(json, session);
        }
        if (fields.contains(SessionField.CONNECTIONS)) {
            writeConnections(json, session);
        }
        if (unknownField) {
            writeUnknownField(json);
        }
        if (links) {
            Json.writeSelfLink(json, OntapPaths.session(session.key()));
        }
        json.writeEndObject();
    }

    private void writeSvm(JsonGenerator json, Svm svm) throws IOException {
        json.writeObjectFieldStart("svm");
        json.writeStringField("uuid", svm.uuid());
        Json.writeStringIfPresent(json, "name", svm.name());
        if (links) {
            Json.writeSelfLink(json, OntapPaths.svm(svm.uuid()));
        }
        json.writeEndObject();
    }

    private void writeInitiator(JsonGenerator json, Initiator initiator) throws IOException {
        json.writeObjectFieldStart("initiator");
        Json.writeStringIfPresent(json, "name", initiator.name());
        Json.writeStringIfPresent(json, "alias", initiator.alias());
        if (initiatorComment) {
            Json.writeStringIfPresent(json, "comment", initiator.comment());
        }
        json.writeEndObject();
    }

    private void writeIgroups(JsonGenerator json, IscsiSession session) throws IOException {
        json.writeArrayFieldStart("igroups");
        for (Igroup igroup : session.igroups()) {
            json.writeStartObject();
            Json.writeStringIfPresent(json, "uuid", igroup.uuid());
            Json.writeStringIfPresent(json, "name", igroup.name());
            if (links && igroup.uuid() != null) {
                Json.writeSelfLink(json, OntapPaths.igroup(igroup.uuid()));
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeConnections(JsonGenerator json, IscsiSession session) throws IOException {
        json.writeArrayFieldStart("connections");
        for (Connection connection : session.connections()) {
            writeConnection(json, connection);
        }
        json.writeEndArray();
    }

    void writeConnection(JsonGenerator json, Connection connection) throws IOException {
        json.writeStartObject();
        json.writeNumberField("cid", connection.cid());
        Json.writeStringIfPresent(json, "authentication_type", connection.authenticationType());
        writeEndpoint(json, "initiator_address", connection.initiatorAddress());
        if (connection.networkInterface() != null) {
            writeInterface(json, connection.networkInterface());
        }
        json.writeEndObject();
    }

    private void writeInterface(JsonGenerator json, NetworkInterface lif) throws IOException {
        json.writeObjectFieldStart("interface");
        Json.writeStringIfPresent(json, "name", lif.name());
        Json.writeStringIfPresent(json, "uuid", lif.uuid());
        writeEndpoint(json, "ip", lif.ip());
        if (links && lif.uuid() != null) {
            Json.writeSelfLink(json, OntapPaths.networkInterface(lif.uuid()));
        }
        json.writeEndObject();
    }

    private void writeEndpoint(JsonGenerator json, String field, IpEndpoint endpoint) throws IOException {
        if (endpoint == null) {
            return;
        }
        json.writeObjectFieldStart(field);
        Json.writeStringIfPresent(json, "address", endpoint.address());
        if (portsAsStrings) {
            Json.writeStringIfPresent(json, "port", endpoint.port() == null ? null : endpoint.port().toString());
        } else {
            Json.writeNumberIfPresent(json, "port", endpoint.port());
        }
        json.writeEndObject();
    }

    /** A nested field a newer release might add, so tests can prove clients ignore what they do not know. */
    private static void writeUnknownField(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("foo_new_field");
        json.writeStringField("introduced_in", "9.99.1");
        json.writeArrayFieldStart("values");
        json.writeNumber(1);
        json.writeNumber(2);
        json.writeEndArray();
        json.writeEndObject();
    }
}
