package io.github.ontapkafka.iscsi.ontap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.model.ClusterNode;

import java.io.IOException;

/** Reads the small ONTAP responses: the cluster's identity, its nodes and the error envelope. */
final class OntapResponses {

    private static final int MAX_MESSAGE_LENGTH = 300;

    private OntapResponses() {
    }

    /** Reads {@code GET /api/cluster}; the UUID is mandatory because it is the cluster's identity in offsets. */
    static ClusterIdentity clusterIdentity(JsonFactory json, byte[] body) throws MalformedResponseException {
        try (JsonParser p = json.createParser(body)) {
            p.nextToken();
            JsonReader.enterRequiredObject(p, JsonPath.of("cluster"));
            String uuid = null;
            String name = null;
            for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
                switch (field) {
                    case "uuid" -> uuid = JsonReader.string(p, JsonPath.of("cluster.uuid"));
                    case "name" -> name = JsonReader.string(p, JsonPath.of("cluster.name"));
                    default -> p.skipChildren();
                }
            }
            if (uuid == null || uuid.isBlank()) {
                throw new MalformedResponseException("cluster: missing uuid");
            }
            return new ClusterIdentity(uuid, name);
        } catch (JsonProcessingException e) {
            throw JsonReader.invalidJson(e);
        } catch (IOException e) {
            throw JsonReader.unreadable(e);
        }
    }

    /**
     * Reads a page of {@code GET /api/cluster/nodes}; a node's UUID is mandatory because it keys the node's event
     * log. The name is read as a string or null, as the cluster's is.
     */
    static CollectionPage<ClusterNode> nodes(JsonFactory json, byte[] body) throws MalformedResponseException {
        return CollectionPages.read(json, body, OntapResponses::node);
    }

    private static ClusterNode node(JsonParser p, JsonPath path) throws IOException, MalformedResponseException {
        JsonReader.enterRequiredObject(p, path);
        String uuid = null;
        String name = null;
        for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
            switch (field) {
                case "uuid" -> uuid = JsonReader.string(p, path.field("uuid"));
                case "name" -> name = JsonReader.string(p, path.field("name"));
                default -> p.skipChildren();
            }
        }
        if (uuid == null || uuid.isBlank()) {
            throw new MalformedResponseException(path + ": missing key field uuid");
        }
        return new ClusterNode(uuid, name);
    }

    /**
     * The message of ONTAP's error envelope {@code {"error": {"message": ..., "code": ...}}}, or a description of
     * the body when it is something else (a 401 from a proxy is often HTML).
     */
    static String errorMessage(JsonFactory json, byte[] body, String contentType) {
        if (body.length == 0) {
            return "empty body";
        }
        if (contentType == null || !contentType.contains("json")) {
            return "non-JSON body (" + (contentType == null ? "no content type" : contentType) + ")";
        }
        try (JsonParser p = json.createParser(body)) {
            p.nextToken();
            if (JsonReader.enterObject(p, JsonPath.of("response"))) {
                for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
                    if (field.equals("error") && JsonReader.enterObject(p, JsonPath.of("error"))) {
                        return readError(p);
                    }
                    p.skipChildren();
                }
            }
        } catch (IOException | MalformedResponseException e) {
            return "unreadable error body";
        }
        return "no ONTAP error in the body";
    }

    private static String readError(JsonParser p) throws IOException, MalformedResponseException {
        String message = null;
        String code = null;
        for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
            switch (field) {
                case "message" -> message = JsonReader.string(p, JsonPath.of("error.message"));
                case "code" -> code = JsonReader.string(p, JsonPath.of("error.code"));
                default -> p.skipChildren();
            }
        }
        String text = (message == null ? "no message" : message) + (code == null ? "" : " (code " + code + ")");
        return text.length() > MAX_MESSAGE_LENGTH ? text.substring(0, MAX_MESSAGE_LENGTH) + "…" : text;
    }
}
