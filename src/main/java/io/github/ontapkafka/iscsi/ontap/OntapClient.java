package io.github.ontapkafka.iscsi.ontap;

import com.fasterxml.jackson.core.JsonFactory;
import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.model.ClusterNode;
import io.github.ontapkafka.iscsi.model.EmsEvent;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Reads one ONTAP cluster over its REST API. Every method either returns a complete answer or throws: a sessions
 * collection is returned only when every page came back whole, because a partial list would look like logouts, and
 * a node's events only when every page after the cursor did, because a cursor moved past events not read loses them.
 */
public final class OntapClient {

    /** The fields the events carry; without {@code fields} ONTAP returns only the key fields. */
    public static final String SESSION_FIELDS =
            "svm,target_portal_group,target_portal_group_tag,tsih,isid,initiator,igroups,connections";
    /** The fields of an EMS event the connector reads; {@code message} brings name and severity, {@code node} UUID. */
    public static final String EMS_FIELDS = "index,time,message,log_message,parameters,node,source";
    static final String SESSIONS_PATH = "/api/protocols/san/iscsi/sessions";
    static final String CLUSTER_PATH = "/api/cluster";
    static final String NODES_PATH = "/api/cluster/nodes";
    static final String EMS_EVENTS_PATH = "/api/support/ems/events";
    private static final int MAX_PAGES = 100_000;
    /** What to do about an untrusted certificate, in the words of the connector's configuration. */
    private static final String TRUST_HINT = "if the cluster's certificate is self-signed or from a private CA, "
            + "set ontap.ssl.truststore.location to a truststore that holds the CA";

    private final ClusterUrl cluster;
    private final OkHttpClient http;
    private final Authentication authentication;
    private final SessionScope scope;
    /** Why this cluster cannot be asked anything from here, or null: every request fails with it. */
    private final OntapException unusable;
    private final RequestPolicy policy;
    private final JsonFactory json;
    private final SessionPageParser pageParser;
    private final EmsPageParser emsParser;
    /** What this client has asked of the cluster: counted here, read by other threads for metrics. */
    private final LongAdder requestsSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();

    /** @param scope the sessions to read; ONTAP filters them */
    public OntapClient(ClusterUrl cluster, OkHttpClient http, Authentication authentication, SessionScope scope,
                       RequestPolicy policy, JsonFactory json) {
        this(cluster, http, authentication, scope, policy, json, null);
    }

    private OntapClient(ClusterUrl cluster, OkHttpClient http, Authentication authentication, SessionScope scope,
                        RequestPolicy policy, JsonFactory json, OntapException unusable) {
        this.cluster = cluster;
        this.http = http;
        this.authentication = authentication;
        this.scope = scope;
        this.policy = policy;
        this.json = json;
        this.pageParser = new SessionPageParser(json);
        this.emsParser = new EmsPageParser(json);
        this.unusable = unusable;
    }

    /**
     * A client for a cluster whose truststore or key cannot be used on this worker (a file missing here, say): each
     * poll fails with that reason, so that the cluster is reported FAILING while the task serves the others.
     */
    static OntapClient unusable(ClusterUrl cluster, SessionScope scope, RequestPolicy policy, JsonFactory json,
                                UnusableKeyMaterialException e) {
        return new OntapClient(cluster, null, null, scope, policy, json,
                new OntapException(cluster, FailureKind.UNUSABLE_KEY_MATERIAL, e.getMessage(), e));
    }

    public ClusterUrl cluster() {
        return cluster;
    }

    public ClusterIdentity fetchIdentity() throws OntapException, InterruptedException {
        return get(cluster.resolve(CLUSTER_PATH + "?fields=name,uuid"), "GET " + CLUSTER_PATH,
                body -> OntapResponses.clusterIdentity(json, body));
    }

    /** Reads one session, to prove that the account may read the collection; throws as a poll would. */
    public void probeSessions() throws OntapException, InterruptedException {
        get(cluster.resolve(sessionsRequest("tsih", 1)), "GET " + SESSIONS_PATH, body -> {
            SessionPage page = pageParser.scan(body);
            for (int i = 0; i < page.size(); i++) {
                pageParser.read(page, i);
            }
            return page;
        });
    }

    /**
     * Every session record of the cluster, fetched page by page to the end of the {@code next} links. The pages are
     * checked to be JSON pages of records; the records themselves are read when the caller asks for them.
     */
    public SessionListing fetchSessions() throws OntapException, InterruptedException {
        List<SessionPage> pages = new ArrayList<>();
        walk(SESSIONS_PATH, sessionsRequest(SESSION_FIELDS, policy.pageSize()), (body, what) -> {
            SessionPage page = pageParser.scan(body);
            pages.add(page);
            return page.nextHref();
        });
        return new SessionListing(cluster, scope, pageParser, pages);
    }

    /** The cluster's nodes, each of which keeps its own event log. */
    public List<ClusterNode> fetchNodes() throws OntapException, InterruptedException {
        List<ClusterNode> nodes = new ArrayList<>();
        String request = relativeRequest(NODES_PATH, query -> query.addQueryParameter("fields", "uuid,name")
                .addQueryParameter("max_records", Integer.toString(policy.pageSize())));
        walk(NODES_PATH, request, (body, what) -> {
            CollectionPage<ClusterNode> page = OntapResponses.nodes(json, body);
            nodes.addAll(page.records());
            return page.nextHref();
        });
        return List.copyOf(nodes);
    }

    /**
     * Every event node {@code nodeUuid} holds after index {@code afterIndex} of the messages {@code messageNames}
     * selects, in index order, read to the end of the {@code next} links: all of them or an exception, never a part,
     * since a cursor moved past events not read would lose them. ONTAP answers HTTP 400 if the filter names exactly a
     * message its release does not have; that failure says which filter to correct.
     *
     * @param afterIndex   the cursor: the index of the last event read; negative to start at the oldest event held
     * @param messageNames ONTAP's {@code message.name} filter: names, {@code *} wildcards and {@code |} between them,
     *                     as in {@code iscsi.*|san.initiator.login*}
     */
    public EmsListing fetchEmsEvents(String nodeUuid, long afterIndex, String messageNames)
            throws OntapException, InterruptedException {
        requireText(nodeUuid, "nodeUuid");
        requireText(messageNames, "messageNames");
        EmsListingBuilder listing = new EmsListingBuilder(nodeUuid, afterIndex);
        String request = relativeRequest(EMS_EVENTS_PATH, query -> {
            query.addQueryParameter("node.uuid", nodeUuid);
            if (afterIndex >= 0) {
                query.addQueryParameter("index", ">" + afterIndex);
            }
            query.addQueryParameter("message.name", messageNames)
                    .addQueryParameter("order_by", "index asc")
                    .addQueryParameter("fields", EMS_FIELDS)
                    .addQueryParameter("max_records", Integer.toString(policy.pageSize()));
        });
        try {
            walk(emsSubject(nodeUuid), request, (body, what) -> {
                CollectionPage<EmsEvent> page = emsParser.events(body, listing.odditiesOf(what));
                listing.add(page.records(), what);
                return page.nextHref();
            });
        } catch (OntapException e) {
            if (e.status() == 400) {
                throw e.withAdvice("ONTAP refuses an event query whose message filter names a message its release "
                        + "does not have (GET /api/support/ems/messages lists those it has): drop that name from '"
                        + messageNames + "' or match it with a wildcard");
            }
            throw e;
        }
        return listing.build();
    }

    /**
     * The lowest index node {@code nodeUuid} still holds, of any message, or empty if it holds none. A node drops
     * its oldest events as its log rotates: an oldest index beyond a cursor's next means events after the cursor
     * are gone, maybe some the cursor's filter selects (an index counts every event, selected or not). ONTAP
     * leaves debug-severity events out unless asked for, so the oldest index is that of a non-debug event.
     */
    public OptionalLong oldestEmsIndex(String nodeUuid) throws OntapException, InterruptedException {
        requireText(nodeUuid, "nodeUuid");
        String request = relativeRequest(EMS_EVENTS_PATH, query -> query.addQueryParameter("node.uuid", nodeUuid)
                .addQueryParameter("fields", "index")
                .addQueryParameter("order_by", "index asc")
                .addQueryParameter("max_records", "1"));
        List<Long> oldest = get(cluster.resolve(request), "GET " + emsSubject(nodeUuid),
                body -> emsParser.indexes(body).records());
        return oldest.isEmpty() ? OptionalLong.empty() : OptionalLong.of(oldest.get(0));
    }

    private static String emsSubject(String nodeUuid) {
        return EMS_EVENTS_PATH + " of node " + nodeUuid;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    /**
     * The sessions collection, relative to the cluster, with the fields asked for, the page size and the scope's
     * filter.
     */
    private String sessionsRequest(String fields, int maxRecords) {
        return relativeRequest(SESSIONS_PATH, query -> {
            query.addQueryParameter("fields", fields)
                    .addQueryParameter("max_records", Integer.toString(maxRecords));
            for (SessionScope.Term term : scope.terms()) {
                query.addQueryParameter(term.field(), term.expression());
            }
        });
    }

    /**
     * {@code path} with the query parameters {@code parameters} adds, each value encoded (ONTAP's filters hold
     * {@code *}, {@code |}, {@code >} and spaces), relative to the cluster as ONTAP's own next links are.
     */
    private String relativeRequest(String path, Consumer<HttpUrl.Builder> parameters) {
        HttpUrl.Builder query = cluster.resolve(path).newBuilder();
        parameters.accept(query);
        return path + "?" + query.build().encodedQuery();
    }

    /**
     * Reads a collection to the end of its {@code next} links, giving each page to {@code pages} as it comes. It
     * follows links to this cluster only, and fails rather than loop on a link back to a page already read or on
     * one that never ends: a caller gets every page or an exception. ONTAP's next links carry every parameter of
     * the first request, the filter included.
     *
     * @param subject what is read, as errors name it: a path, and what it is of if the query narrows it
     */
    private void walk(String subject, String firstHref, PageReader pages) throws OntapException, InterruptedException {
        Set<String> visited = new HashSet<>();
        String href = firstHref;
        for (int page = 1; href != null; page++) {
            String what = describePage(subject, page);
            if (page > MAX_PAGES) {
                throw new OntapException(cluster, FailureKind.BAD_RESPONSE,
                        what + ": more than " + MAX_PAGES + " pages; the next link does not end", null);
            }
            if (!visited.add(href)) {
                throw new OntapException(cluster, FailureKind.BAD_RESPONSE,
                        what + ": the next link leads back to a page already read (" + href + ")", null);
            }
            href = get(resolveLink(href, what), what, body -> pages.read(body, what));
        }
    }

    /** Takes in one page of a walk and returns the link to the next, or null on the last page. */
    @FunctionalInterface
    private interface PageReader {
        String read(byte[] body, String what) throws MalformedResponseException;
    }

    /** Reads a response body that came back whole; what it cannot make sense of is a bad response. */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(byte[] body) throws MalformedResponseException;
    }

    /** Gets {@code url} and reads the body, failing as {@link FailureKind#BAD_RESPONSE} if it cannot be read. */
    private <T> T get(HttpUrl url, String what, BodyReader<T> reader) throws OntapException, InterruptedException {
        byte[] body = getJson(url, what);
        try {
            return reader.read(body);
        } catch (MalformedResponseException e) {
            throw new OntapException(cluster, FailureKind.BAD_RESPONSE, what + ": " + e.getMessage(), e);
        }
    }

    /** HTTP requests sent to the cluster since this client was made, retries included. */
    public long requestsSent() {
        return requestsSent.sum();
    }

    /** Bytes of successful response bodies received since this client was made. */
    public long bytesReceived() {
        return bytesReceived.sum();
    }

    static String describePage(String subject, int page) {
        return "GET " + subject + " page " + page;
    }

    /** ONTAP's links are relative to the cluster; an absolute one is followed only to the same origin. */
    private HttpUrl resolveLink(String href, String what) throws OntapException {
        HttpUrl absolute = HttpUrl.parse(href);
        if (absolute != null) {
            if (!cluster.sameOrigin(absolute)) {
                throw new OntapException(cluster, FailureKind.BAD_RESPONSE,
                        what + ": refusing to follow a link to another host: " + absolute.host(), null);
            }
            return absolute;
        }
        try {
            return cluster.resolve(href.startsWith("/") ? href : "/" + href);
        } catch (IllegalArgumentException e) {
            throw new OntapException(cluster, FailureKind.BAD_RESPONSE, what + ": unusable next link " + href, e);
        }
    }

    private byte[] getJson(HttpUrl url, String what) throws OntapException, InterruptedException {
        if (unusable != null) {
            throw unusable;
        }
        boolean renewed = false;
        for (int attempt = 0; ; attempt++) {
            boolean mayRetry = attempt < policy.retries();
            Duration serverHint = null;
            OntapException failure;
            String authorization = authorization(what);
            HandshakeWatch.Tls tls = new HandshakeWatch.Tls();
            requestsSent.increment();
            try (Response response = http.newCall(request(url, authorization, tls)).execute()) {
                ResponseBody body = response.body();
                String contentType = response.header("Content-Type");
                if (response.isSuccessful()) {
                    if (contentType == null || !contentType.contains("json")) {
                        throw new OntapException(cluster, FailureKind.BAD_RESPONSE, response.code(),
                                what + ": expected JSON, got " + (contentType == null ? "no content type" : contentType),
                                null);
                    }
                    byte[] bytes = body.bytes();
                    bytesReceived.add(bytes.length);
                    return bytes;
                }
                String ontapMessage = OntapResponses.errorMessage(json, body.bytes(), contentType);
                if (response.code() == 401 && !renewed && authorization != null
                        && authentication.renewAfterRejection(authorization)) {
                    // Not a retry of a failure: the same attempt with a fresh credential.
                    renewed = true;
                    attempt--;
                    continue;
                }
                failure = statusFailure(response.code(), what, ontapMessage, response.header("Location"));
                if (!isRetryable(response.code())) {
                    throw failure;
                }
                serverHint = retryAfter(response.header("Retry-After"));
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("interrupted while reading " + cluster);
                }
                failure = new OntapException(cluster, FailureKind.TIMEOUT,
                        what + ": " + (e instanceof SocketTimeoutException ? "no answer in time" : e.getMessage()), e);
            } catch (SSLException e) {
                // Trust does not fix itself between retries.
                throw tlsFailure(what, e);
            } catch (IOException e) {
                failure = tls.begun() && authentication.presentsCertificate()
                        ? new OntapException(cluster, FailureKind.CERTIFICATE_REJECTED, what + ": the cluster closed "
                        + "the connection in or right after the TLS handshake (" + describe(e) + "), as a server "
                        + "refusing the client certificate does (unless the network broke just then); "
                        + authentication.refusalHint(), e)
                        : new OntapException(cluster, FailureKind.UNREACHABLE, what + ": " + describe(e), e);
            }
            if (!mayRetry) {
                throw failure;
            }
            Thread.sleep(policy.backoff(attempt, serverHint).toMillis());
        }
    }

    private String authorization(String what) throws OntapException, InterruptedException {
        try {
            return authentication.authorization();
        } catch (TokenEndpointException e) {
            throw new OntapException(cluster, FailureKind.TOKEN_ENDPOINT, what + ": " + e.getMessage(), e);
        }
    }

    private static Request request(HttpUrl url, String authorization, HandshakeWatch.Tls tls) {
        Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json").get()
                .tag(HandshakeWatch.Tls.class, tls);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    /**
     * A handshake the cluster ended with an alert about our certificate is a refused certificate; anything else is
     * about trusting the cluster's.
     */
    private OntapException tlsFailure(String what, SSLException e) {
        if (authentication.presentsCertificate() && TlsAlerts.refusesClientCertificate(e)) {
            return new OntapException(cluster, FailureKind.CERTIFICATE_REJECTED,
                    what + ": " + describe(e) + "; " + authentication.refusalHint(), e);
        }
        return new OntapException(cluster, FailureKind.TLS, what + ": " + describe(e) + "; " + TRUST_HINT, e);
    }

    private OntapException statusFailure(int status, String what, String ontapMessage, String location) {
        FailureKind kind = switch (status) {
            case 401 -> FailureKind.UNAUTHORIZED;
            case 403 -> FailureKind.FORBIDDEN;
            default -> FailureKind.HTTP_ERROR;
        };
        String detail = what + ": HTTP " + status + ", " + ontapMessage;
        if (status == 401) {
            detail += "; " + authentication.refusalHint();
        }
        if (location != null && status >= 300 && status < 400) {
            detail += "; redirected to " + location + " (configure the final URL)";
        }
        return new OntapException(cluster, kind, status, detail, null);
    }

    private static boolean isRetryable(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    @Override
    public String toString() {
        return "OntapClient[" + cluster + "]";
    }
}
