package io.github.ontapkafka.iscsi.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.ontapkafka.iscsi.model.IscsiSession;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Session pages written by the simulator's own {@link SessionRecordWriter}, for tests outside this package that
 * need realistic bodies without starting a server: every release variant (HAL links, the initiator comment, a field
 * of a newer release, a subset of {@code fields}) and, optionally, pretty-printed.
 */
public final class SimulatedPageBodies {

    private static final JsonFactory JSON = new JsonFactory();

    private SimulatedPageBodies() {
    }

    /** A page of {@code sessions} in a release variant and layout drawn from {@code random}. */
    public static byte[] randomPage(Random random, List<IscsiSession> sessions, String nextHref) {
        SimulatedCluster cluster = SimulatedCluster.named("fuzz");
        cluster.setUnknownFieldReported(random.nextBoolean());
        cluster.setInitiatorCommentReported(random.nextBoolean());
        Set<SessionField> fields = EnumSet.copyOf(SessionField.KEYS);
        for (SessionField field : SessionField.values()) {
            if (random.nextInt(4) != 0) {
                fields.add(field);
            }
        }
        boolean hal = random.nextBoolean();
        SessionRecordWriter writer = SessionRecordWriter.forCluster(fields, hal, cluster);
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            if (random.nextBoolean()) {
                json.useDefaultPrettyPrinter();
            }
            json.writeStartObject();
            json.writeArrayFieldStart("records");
            for (IscsiSession session : sessions) {
                writer.write(json, session);
            }
            json.writeEndArray();
            json.writeNumberField("num_records", sessions.size());
            if (hal || nextHref != null) {
                json.writeObjectFieldStart("_links");
                if (hal) {
                    Json.writeLink(json, "self", OntapPaths.SESSIONS + "?fields=*");
                }
                if (nextHref != null) {
                    Json.writeLink(json, "next", nextHref);
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return out.toByteArray();
    }
}
