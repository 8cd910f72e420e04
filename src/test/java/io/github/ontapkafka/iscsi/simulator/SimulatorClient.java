package io.github.ontapkafka.iscsi.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain HTTP client for one simulated cluster, as tests need it: no retries, no hidden behaviour. */
final class SimulatorClient {

    static final String USER = "monitor";
    static final String PASSWORD = "s3cret";
    static final ObjectMapper JSON = new ObjectMapper();

    /** OkHttp would silently retry a dropped connection; tests must see every failure. */
    static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .callTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final OkHttpClient http;
    private String credentials = Credentials.basic(USER, PASSWORD);
    private String accept = "application/json";

    SimulatorClient(String baseUrl) {
        this(baseUrl, HTTP);
    }

    SimulatorClient(String baseUrl, OkHttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    /** @param credentials an Authorization header value, or null for none */
    SimulatorClient withAuthorization(String credentials) {
        this.credentials = credentials;
        return this;
    }

    SimulatorClient accepting(String accept) {
        this.accept = accept;
        return this;
    }

    /** Sends a request to {@code pathAndQuery} below the base URL; the caller closes the response. */
    Response call(String method, String pathAndQuery) throws IOException {
        Request.Builder request = new Request.Builder().url(baseUrl + pathAndQuery).header("Accept", accept)
                .method(method, method.equals("GET") ? null : RequestBody.create(new byte[0]));
        if (credentials != null) {
            request.header("Authorization", credentials);
        }
        return http.newCall(request.build()).execute();
    }

    Response get(String pathAndQuery) throws IOException {
        return call("GET", pathAndQuery);
    }

    /** The JSON of a 200 reply. */
    JsonNode json(String pathAndQuery) {
        return json("GET", pathAndQuery);
    }

    JsonNode json(String method, String pathAndQuery) {
        try (Response response = call(method, pathAndQuery)) {
            String body = response.body().string();
            assertThat(response.code()).as("status of %s %s: %s", method, pathAndQuery, body).isEqualTo(200);
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status and JSON of any reply. */
    Reply reply(String pathAndQuery) throws IOException {
        try (Response response = get(pathAndQuery)) {
            return new Reply(response.code(), response.header("Content-Type"), response.body().string());
        }
    }

    /** Every page of a walk through a collection, following {@code next} links until there is none. */
    List<JsonNode> walk(String firstPathAndQuery) {
        List<JsonNode> pages = new ArrayList<>();
        String next = firstPathAndQuery;
        while (next != null) {
            JsonNode page = json(next);
            pages.add(page);
            JsonNode link = page.path("_links").path("next").path("href");
            assertThat(link.isMissingNode() || !link.asText().equals(next)).as("next link equals this one").isTrue();
            next = link.isMissingNode() ? null : link.asText();
        }
        return pages;
    }

    record Reply(int status, String contentType, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }
}
