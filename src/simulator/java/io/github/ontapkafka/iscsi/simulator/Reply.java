package io.github.ontapkafka.iscsi.simulator;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** What the simulator answers to one request; {@link #dropConnection()} answers nothing and closes the socket. */
final class Reply {

    static final String JSON = "application/json";
    static final String HAL_JSON = "application/hal+json";
    static final String HTML = "text/html; charset=utf-8";

    private static final Reply DROP = new Reply(0, null, new byte[0], Map.of());

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers;

    private Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = headers;
    }

    static Reply of(int status, String contentType, byte[] body) {
        return new Reply(status, contentType, body, Map.of());
    }

    static Reply html(int status, String page) {
        return of(status, HTML, page.getBytes(StandardCharsets.UTF_8));
    }

    static Reply dropConnection() {
        return DROP;
    }

    Reply withHeader(String name, String value) {
        Map<String, String> extended = new HashMap<>(headers);
        extended.put(name, value);
        return new Reply(status, contentType, body, Map.copyOf(extended));
    }

    boolean dropsConnection() {
        return this == DROP;
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    byte[] body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }
}
