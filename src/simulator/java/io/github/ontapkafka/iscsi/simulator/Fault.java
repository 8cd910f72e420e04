package io.github.ontapkafka.iscsi.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A way for a simulated cluster to misbehave on one request. Schedule faults with {@link FaultPlan}.
 */
public abstract class Fault {

    /** The statuses ONTAP, or a proxy or load balancer in front of it, is known or likely to send. */
    private static final Set<Integer> SIMULATED_STATUSES = Set.of(400, 401, 403, 404, 405, 409, 429, 500, 502, 503, 504);

    private Fault() {
    }

    /** Answers with {@code status} and an ONTAP error body. */
    public static Fault status(int status) {
        if (!SIMULATED_STATUSES.contains(status)) {
            throw new IllegalArgumentException("Not a simulated error status: " + status
                    + "; choose one of " + SIMULATED_STATUSES);
        }
        return new StatusFault(status);
    }

    /** Answers 401 with an HTML page instead of JSON, as some front ends do. */
    public static Fault unauthorizedHtml() {
        return new UnauthorizedHtmlFault();
    }

    /** Answers 200 with the JSON the request deserves, cut off halfway. */
    public static Fault malformedJson() {
        return new MalformedJsonFault();
    }

    /** Answers 200 with an HTML page, as a captive portal or misrouted proxy does. */
    public static Fault htmlPage() {
        return new HtmlPageFault();
    }

    /** Waits before answering normally, long enough to trip a client's read timeout if wanted. */
    public static Fault delay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("Negative delay: " + delay);
        }
        return new DelayFault(delay);
    }

    /** Closes the connection without sending any HTTP response. */
    public static Fault dropConnection() {
        return new DropConnectionFault();
    }

    /** The reply sent instead of {@code normal}, which answers the request as if nothing were wrong. */
    abstract Reply reply(Supplier<Reply> normal);

    private static final class StatusFault extends Fault {
        private final int status;

        StatusFault(int status) {
            this.status = status;
        }

        @Override
        Reply reply(Supplier<Reply> normal) {
            return OntapErrors.forStatus(status);
        }

        @Override
        public String toString() {
            return "status " + status;
        }
    }

    private static final class UnauthorizedHtmlFault extends Fault {
        @Override
        Reply reply(Supplier<Reply> normal) {
            return OntapErrors.unauthorizedHtml();
        }

        @Override
        public String toString() {
            return "status 401 with an HTML body";
        }
    }

    private static final class MalformedJsonFault extends Fault {
        @Override
        Reply reply(Supplier<Reply> normal) {
            Reply intact = normal.get();
            byte[] body = intact.body();
            byte[] truncated = Arrays.copyOf(body, Math.max(1, body.length / 2));
            return Reply.of(200, intact.contentType() == null ? Reply.JSON : intact.contentType(), truncated);
        }

        @Override
        public String toString() {
            return "malformed JSON";
        }
    }

    private static final class HtmlPageFault extends Fault {
        @Override
        Reply reply(Supplier<Reply> normal) {
            return Reply.html(200, "<!DOCTYPE html><html><head><title>Sign in</title></head>"
                    + "<body><form method=\"post\" action=\"/login\"><input name=\"user\"></form></body></html>");
        }

        @Override
        public String toString() {
            return "HTML page";
        }
    }

    private static final class DelayFault extends Fault {
        private final Duration delay;

        DelayFault(Duration delay) {
            this.delay = delay;
        }

        @Override
        Reply reply(Supplier<Reply> normal) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                // The server is stopping: the client would lose this connection anyway.
                Thread.currentThread().interrupt();
                return Reply.dropConnection();
            }
            return normal.get();
        }

        @Override
        public String toString() {
            return "delay of " + delay.toMillis() + " ms";
        }
    }

    private static final class DropConnectionFault extends Fault {
        @Override
        Reply reply(Supplier<Reply> normal) {
            return Reply.dropConnection();
        }

        @Override
        public String toString() {
            return "connection drop";
        }
    }
}
