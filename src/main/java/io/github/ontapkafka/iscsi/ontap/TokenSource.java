package io.github.ontapkafka.iscsi.ontap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Fetches and caches the bearer token of one OAuth 2.0 client (client-credentials grant), for every cluster that
 * uses that client: one token request per lifetime, not one per cluster and poll. Thread-safe: the clusters of a task
 * fetch concurrently.
 */
final class TokenSource {

    private static final int MAX_DESCRIPTION_LENGTH = 200;

    private final OAuth2Settings settings;
    private final HttpUrl endpoint;
    private final OkHttpClient http;
    private final JsonFactory json;
    private final Clock clock;
    private AccessToken current;

    /** @throws IllegalArgumentException if the endpoint is not an http(s) URL */
    TokenSource(OAuth2Settings settings, OkHttpClient http, JsonFactory json, Clock clock) {
        this.settings = settings;
        this.endpoint = HttpUrl.parse(settings.tokenEndpoint());
        if (endpoint == null) {
            throw new IllegalArgumentException("token endpoint '" + settings.tokenEndpoint() + "' is not an http(s) URL");
        }
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    /** The cached token, or a new one when there is none or it is due for renewal. */
    synchronized String token() throws TokenEndpointException, InterruptedException {
        if (current == null || current.due(clock.instant())) {
            current = fetch();
        }
        return current.value();
    }

    /** Forgets {@code rejected}, unless another cluster has already replaced it: the next call fetches anew. */
    synchronized void invalidate(String rejected) {
        if (current != null && current.value().equals(rejected)) {
            current = null;
        }
    }

    private AccessToken fetch() throws TokenEndpointException, InterruptedException {
        FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
        if (settings.scope() != null) {
            form.add("scope", settings.scope());
        }
        if (settings.audience() != null) {
            form.add("audience", settings.audience());
        }
        Request request = new Request.Builder().url(endpoint)
                .header("Authorization", clientAuthorization())
                .header("Accept", "application/json")
                .post(form.build())
                .build();
        try (Response response = http.newCall(request).execute()) {
            byte[] body = response.body().bytes();
            if (!response.isSuccessful()) {
                throw failure("answered HTTP " + response.code() + describeError(body)
                        + (response.code() == 400 || response.code() == 401
                        ? "; check the client id and secret, and the scope and audience, it was given" : ""), null);
            }
            return read(body);
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while asking " + endpoint + " for a token");
            }
            throw failure("gave no answer in time", e);
        } catch (IOException e) {
            throw failure("cannot be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    /** RFC 6749 §2.3.1: the client id and secret are form-encoded before they go into HTTP Basic. */
    private String clientAuthorization() {
        String pair = formEncode(settings.clientId()) + ":" + formEncode(settings.clientSecret().value());
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private AccessToken read(byte[] body) throws TokenEndpointException {
        String token = null;
        String type = null;
        Duration lifetime = null;
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw failure("answered with something other than a JSON object", null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "access_token" -> token = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "token_type" -> type = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "expires_in" -> lifetime = seconds(p, value);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw failure("answered with unreadable JSON", null);
        }
        if (token == null || token.isEmpty()) {
            throw failure("answered without an access_token", null);
        }
        if (type != null && !type.equalsIgnoreCase("Bearer")) {
            throw failure("issued a token of type '" + type + "'; ONTAP takes Bearer tokens", null);
        }
        return AccessToken.issued(token, clock.instant(), lifetime);
    }

    /** Lenient as the rest of the connector's reading: some providers write the number as a string. */
    private static Duration seconds(JsonParser p, JsonToken value) throws IOException {
        try {
            long seconds = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue()
                    : value == JsonToken.VALUE_STRING ? Long.parseLong(p.getText().trim()) : -1;
            return seconds > 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** RFC 6749 §5.2's {@code error} and {@code error_description}, which never hold the secret. */
    private String describeError(byte[] body) {
        String error = null;
        String description = null;
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (value == JsonToken.VALUE_STRING && field.equals("error")) {
                        error = p.getText();
                    } else if (value == JsonToken.VALUE_STRING && field.equals("error_description")) {
                        description = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException notJson) {
            return "";
        }
        if (error == null) {
            return "";
        }
        String text = ", " + error + (description == null ? "" : ": " + description);
        return text.length() > MAX_DESCRIPTION_LENGTH ? text.substring(0, MAX_DESCRIPTION_LENGTH) + "…" : text;
    }

    private TokenEndpointException failure(String what, Throwable cause) {
        return new TokenEndpointException("OAuth 2.0 token endpoint " + endpoint.newBuilder().query(null).build()
                + " (client '" + settings.clientId() + "') " + what, cause);
    }

    @Override
    public String toString() {
        return "TokenSource[" + endpoint + ", client " + settings.clientId() + "]";
    }
}
