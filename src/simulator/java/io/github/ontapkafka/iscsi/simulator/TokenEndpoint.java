package io.github.ontapkafka.iscsi.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OAuth 2.0 authorization server's token endpoint for the client credentials grant (RFC 6749 §4.4), standing in
 * for the identity provider ONTAP trusts for bearer tokens. A client authenticates with HTTP Basic
 * ({@code client_secret_basic}: id and secret form-url-encoded, then Base64, as §2.3.1 says) or with
 * {@code client_id} and {@code client_secret} form fields ({@code client_secret_post}), and gets an opaque random
 * token; errors are §5.2's JSON. Tests script outages ({@link #down}), revocation and, through the {@link Clock},
 * expiry.
 *
 * <p>{@code OntapSimulatorServer.Builder.tokenEndpoint} serves it at {@link #TOKEN_PATH};
 * {@code OntapSimulatorServer.Builder.acceptTokensFrom} makes a server's clusters accept its tokens. The two may be
 * different servers, as an identity provider and ONTAP are.
 */
public final class TokenEndpoint {

    public static final String TOKEN_PATH = "/oauth2/token";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String BASIC = "Basic ";
    private static final int TOKEN_BYTES = 32;

    private record Request(String scope, String audience) {
    }

    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiryByToken = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile Duration lifetime = Duration.ofHours(1);
    private volatile boolean down;
    private volatile Request last = new Request(null, null);

    public TokenEndpoint(String clientId, String clientSecret) {
        this(clientId, clientSecret, Clock.systemUTC());
    }

    /** @param clock tells when tokens expire, so that tests can move time on instead of sleeping */
    public TokenEndpoint(String clientId, String clientSecret, Clock clock) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How long tokens issued from now on last; one hour unless told otherwise. */
    public TokenEndpoint lifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("A token lifetime must be positive, not " + lifetime);
        }
        this.lifetime = lifetime;
        return this;
    }

    /** Every token issued so far stops being accepted; later ones are accepted as usual. */
    public void revokeAll() {
        expiryByToken.clear();
    }

    /** While down, the endpoint answers 503, as an identity provider in an outage; tokens already issued still work. */
    public void down(boolean down) {
        this.down = down;
    }

    public int tokensIssued() {
        return issued.get();
    }

    /** The {@code scope} the last successful request asked for. */
    public Optional<String> lastScope() {
        return Optional.ofNullable(last.scope());
    }

    /** The {@code audience} the last successful request asked for. */
    public Optional<String> lastAudience() {
        return Optional.ofNullable(last.audience());
    }

    /** Whether {@code token} was issued here, has not expired and was not revoked. */
    boolean accepts(String token) {
        Instant expiry = expiryByToken.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    /** Answers one request to {@link #TOKEN_PATH}; null arguments are absent headers. */
    Reply handle(String method, String contentType, String authorization, String body) {
        if (down) {
            return error(503, "temporarily_unavailable");
        }
        if (!method.equals("POST")) {
            return error(405, "invalid_request").withHeader("Allow", "POST");
        }
        QueryParameters form;
        try {
            form = QueryParameters.parse(body);
        } catch (IllegalArgumentException badEncoding) {
            return error(400, "invalid_request");
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            return error(400, "invalid_request");
        }
        boolean repeated = form.parameters().stream().map(QueryParameters.Parameter::name).distinct().count()
                < form.parameters().size();
        boolean basic = authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length());
        if (repeated || (basic && form.first("client_secret").isPresent())) {
            // §3.2 forbids repeating a parameter, §2.3 using two ways of client authentication at once.
            return error(400, "invalid_request");
        }
        if (!(basic ? basicClientMatches(authorization) : postClientMatches(form))) {
            return error(401, "invalid_client").withHeader("WWW-Authenticate", "Basic realm=\"oauth2\"");
        }
        String grantType = form.first("grant_type").orElse(null);
        if (grantType == null) {
            return error(400, "invalid_request");
        }
        if (!grantType.equals("client_credentials")) {
            return error(400, "unsupported_grant_type");
        }
        last = new Request(form.first("scope").orElse(null), form.first("audience").orElse(null));
        return issue();
    }

    private Reply issue() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Duration validity = lifetime;
        expiryByToken.put(token, clock.instant().plus(validity));
        issued.incrementAndGet();
        return Reply.of(200, Reply.JSON, Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("access_token", token);
            json.writeStringField("token_type", "Bearer");
            json.writeNumberField("expires_in", validity.toSeconds());
            json.writeEndObject();
        })).withHeader("Cache-Control", "no-store");
    }

    private boolean basicClientMatches(String authorization) {
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon >= 0 && clientMatches(formDecode(decoded.substring(0, colon)),
                    formDecode(decoded.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64OrNotFormEncoded) {
            return false;
        }
    }

    private boolean postClientMatches(QueryParameters form) {
        return clientMatches(form.first("client_id").orElse(null), form.first("client_secret").orElse(null));
    }

    private boolean clientMatches(String id, String secret) {
        return id != null && secret != null && id.equals(clientId) && MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8));
    }

    private static String formDecode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static Reply error(int status, String error) {
        return Reply.of(status, Reply.JSON, Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("error", error);
            json.writeEndObject();
        }));
    }
}
