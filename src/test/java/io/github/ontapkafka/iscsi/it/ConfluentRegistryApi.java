package io.github.ontapkafka.iscsi.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The calls a Confluent client makes to a Schema Registry (REST API v7), here against Apicurio's
 * Confluent-compatible API: what a consumer or an operator sees, whatever registered the schemas.
 */
final class ConfluentRegistryApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ConfluentRegistryApi(String registryUrl) {
        this.base = registryUrl + "/apis/ccompat/v7";
    }

    String compatibility() {
        return send(HttpRequest.newBuilder(uri("/config")).GET()).get("compatibilityLevel").asText();
    }

    void setCompatibility(String level) {
        send(HttpRequest.newBuilder(uri("/config")).PUT(json(Map.of("compatibility", level))));
    }

    /** Registers {@code schema} under {@code subject} and returns its id; a rejection is a {@link Rejected}. */
    int register(String subject, Schema schema) {
        return send(HttpRequest.newBuilder(uri("/subjects/" + encode(subject) + "/versions"))
                .POST(json(Map.of("schema", schema.toString())))).get("id").asInt();
    }

    /** Whether {@code schema} may follow the subject's latest version under the compatibility level in force. */
    boolean isCompatible(String subject, Schema schema) {
        return send(HttpRequest.newBuilder(uri("/compatibility/subjects/" + encode(subject) + "/versions/latest"))
                .POST(json(Map.of("schema", schema.toString())))).get("is_compatible").asBoolean();
    }

    /** The schema with this id, as a Confluent deserializer fetches the writer schema of a record. */
    Schema schema(int id) {
        return new Schema.Parser().parse(send(HttpRequest.newBuilder(uri("/schemas/ids/" + id)).GET())
                .get("schema").asText());
    }

    /** The latest schema registered under {@code subject}. */
    Schema latest(String subject) {
        return new Schema.Parser().parse(send(HttpRequest.newBuilder(
                uri("/subjects/" + encode(subject) + "/versions/latest")).GET()).get("schema").asText());
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Accept", CONTENT_TYPE)
                            .header("Content-Type", CONTENT_TYPE).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new Rejected(response.statusCode(), response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static HttpRequest.BodyPublisher json(Map<String, String> body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }

    /** The registry answered with an error status, such as 409 for a schema the compatibility rule forbids. */
    static final class Rejected extends RuntimeException {
        private final int status;

        Rejected(int status, String body) {
            super("HTTP " + status + ": " + body);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
