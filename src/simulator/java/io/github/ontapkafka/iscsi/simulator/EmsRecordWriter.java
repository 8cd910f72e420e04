package io.github.ontapkafka.iscsi.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.EmsParameter;

import java.io.IOException;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes EMS event records as {@code GET /api/support/ems/events} returns them: {@code node {name, uuid}},
 * {@code index}, {@code time} with the node's offset, {@code message {name, severity}}, {@code log_message},
 * {@code parameters [{name, value}]} with string values, {@code source}, and with HAL a self link named by node and
 * index.
 */
final class EmsRecordWriter {

    private final Set<EmsField> fields;
    private final boolean links;
    private final ZoneId zone;

    /**
     * @param links whether the client accepts HAL
     * @param zone  the zone whose offset times are written with: the cluster clock's
     */
    EmsRecordWriter(Set<EmsField> fields, boolean links, ZoneId zone) {
        this.fields = fields;
        this.links = links;
        this.zone = zone;
    }

    /** Records with every field and no links, for people inspecting the simulator. */
    static EmsRecordWriter complete(ZoneId zone) {
        return new EmsRecordWriter(EnumSet.allOf(EmsField.class), false, zone);
    }

    void write(JsonGenerator json, EmsEvent event) throws IOException {
        json.writeStartObject();
        if (fields.contains(EmsField.NODE)) {
            writeNode(json, event);
        }
        if (fields.contains(EmsField.INDEX)) {
            json.writeNumberField("index", event.index());
        }
        if (fields.contains(EmsField.TIME)) {
            json.writeStringField("time", EmsTime.format(event.time(), zone));
        }
        if (fields.contains(EmsField.MESSAGE)) {
            json.writeObjectFieldStart("message");
            json.writeStringField("name", event.messageName());
            json.writeStringField("severity", event.severity());
            json.writeEndObject();
        }
        if (fields.contains(EmsField.LOG_MESSAGE)) {
            json.writeStringField("log_message", event.logMessage());
        }
        if (fields.contains(EmsField.PARAMETERS)) {
            writeParameters(json, event);
        }
        if (fields.contains(EmsField.SOURCE)) {
            json.writeStringField("source", event.source());
        }
        if (links) {
            Json.writeSelfLink(json, OntapPaths.emsEvent(event.nodeName(), event.index()));
        }
        json.writeEndObject();
    }

    private void writeNode(JsonGenerator json, EmsEvent event) throws IOException {
        json.writeObjectFieldStart("node");
        json.writeStringField("name", event.nodeName());
        json.writeStringField("uuid", event.nodeUuid());
        if (links) {
            Json.writeSelfLink(json, OntapPaths.node(event.nodeUuid()));
        }
        json.writeEndObject();
    }

    private static void writeParameters(JsonGenerator json, EmsEvent event) throws IOException {
        json.writeArrayFieldStart("parameters");
        for (EmsParameter parameter : event.parameters()) {
            json.writeStartObject();
            json.writeStringField("name", parameter.name());
            json.writeStringField("value", parameter.value());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
