package io.github.ontapkafka.iscsi.simulator;

/**
 * ONTAP's error replies: {@code {"error": {"message": ..., "code": ..., "target": ...}}}. Codes are strings in
 * ONTAP; the ones used here are representative, and clients must not depend on them.
 */
final class OntapErrors {

    private OntapErrors() {
    }

    static Reply error(int status, String message, String code) {
        return error(status, message, code, null);
    }

    static Reply error(int status, String message, String code, String target) {
        Reply reply = Reply.of(status, Reply.JSON, Json.write(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("error");
            json.writeStringField("message", message);
            json.writeStringField("code", code);
            Json.writeStringIfPresent(json, "target", target);
            json.writeEndObject();
            json.writeEndObject();
        }));
        return status == 401 ? withBasicChallenge(reply) : reply;
    }

    /** The reply ONTAP, or the web server in front of it, gives with {@code status} when nothing more is known. */
    static Reply forStatus(int status) {
        return switch (status) {
            case 400 -> error(400, "Unexpected argument.", "262179");
            case 401 -> unauthorized();
            case 403 -> forbidden();
            case 404 -> apiNotFound();
            case 405 -> error(405, "The method is not allowed for this resource.", "6");
            case 409 -> error(409, "A conflicting operation is in progress.", "2");
            case 429 -> error(429, "Too many requests are being processed.", "2");
            case 500 -> error(500, "Internal error. Wait a few minutes, and try the command again.", "2");
            case 502 -> error(502, "Bad gateway.", "2");
            case 503 -> error(503, "The wait queue is full; the request was not processed.", "2");
            case 504 -> error(504, "Gateway timeout.", "2");
            default -> error(status, "Simulated failure.", "2");
        };
    }

    static Reply unauthorized() {
        return error(401, "User is not authenticated.", "5");
    }

    /** Some front ends answer a failed login with a web page, not JSON. */
    static Reply unauthorizedHtml() {
        return withBasicChallenge(Reply.html(401, "<html><head><title>401 Authorization Required</title></head>"
                + "<body><h1>Authorization Required</h1><p>This server could not verify that you are "
                + "authorized to access the document requested.</p></body></html>"));
    }

    static Reply forbidden() {
        return error(403, "not authorized for that command", "6");
    }

    static Reply apiNotFound() {
        return error(404, "API not found", "3");
    }

    static Reply entryNotFound(String target) {
        return error(404, "entry doesn't exist", "4", target);
    }

    static Reply invalidValue(String field, String value) {
        return error(400, "The value \"" + value + "\" is invalid for field \"" + field + "\"", "262185", field);
    }

    static Reply unexpectedArgument(String name) {
        return error(400, "Unexpected argument \"" + name + "\".", "262179", name);
    }

    /**
     * ONTAP's answer to an events query for an exact message name its catalogue lacks. That it fails is known
     * (Harvest works around it); the wording and code here are stand-ins.
     */
    static Reply unknownEmsMessage(String name) {
        return error(400, "The EMS message \"" + name + "\" does not exist.", "983092", "message.name");
    }

    /** Every 401, JSON or HTML, tells the client to answer with HTTP Basic credentials. */
    private static Reply withBasicChallenge(Reply unauthorized) {
        return unauthorized.withHeader("WWW-Authenticate", "Basic realm=\"ONTAP\"");
    }
}
