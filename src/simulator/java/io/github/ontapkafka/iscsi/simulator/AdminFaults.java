package io.github.ontapkafka.iscsi.simulator;

import java.time.Duration;

/** Turns the admin API's fault parameters into a fault scheduled on a cluster. */
final class AdminFaults {

    private AdminFaults() {
    }

    /**
     * {@code kind} is one of {@code status} (with {@code status}, and {@code html=true} for an HTML 401),
     * {@code malformed-json}, {@code html}, {@code delay} (with {@code ms}), {@code drop} or {@code down};
     * {@code page} limits it to that page of walks through {@code collection} ({@code sessions}, the default, or
     * {@code ems}), {@code times} to that many requests (else until cleared).
     */
    static ScheduledFault schedule(FaultPlan plan, AdminQuery query) {
        String kind = query.requiredText("kind");
        if (kind.equals("down")) {
            return plan.goDown();
        }
        Fault fault = fault(kind, query);
        FaultScope scope = query.integer("page").map(page -> pageScope(query, page)).orElse(FaultScope.everyRequest());
        return query.integer("times")
                .map(times -> plan.inject(fault, scope, times))
                .orElseGet(() -> plan.injectUntilCleared(fault, scope));
    }

    private static FaultScope pageScope(AdminQuery query, int page) {
        String collection = query.text("collection").orElse("sessions");
        return switch (collection) {
            case "sessions" -> FaultScope.sessionPage(page);
            case "ems" -> FaultScope.emsPage(page);
            default -> throw new IllegalArgumentException("Unknown collection " + collection + "; use sessions or ems");
        };
    }

    private static Fault fault(String kind, AdminQuery query) {
        return switch (kind) {
            case "status" -> {
                int status = query.requiredInteger("status");
                boolean html = query.flag("html").orElse(false);
                if (html && status != 401) {
                    throw new IllegalArgumentException("html=true is only for status 401");
                }
                yield html ? Fault.unauthorizedHtml() : Fault.status(status);
            }
            case "malformed-json" -> Fault.malformedJson();
            case "html" -> Fault.htmlPage();
            case "delay" -> Fault.delay(Duration.ofMillis(query.requiredInteger("ms")));
            case "drop" -> Fault.dropConnection();
            default -> throw new IllegalArgumentException("Unknown fault kind " + kind
                    + "; use status, malformed-json, html, delay, drop or down");
        };
    }
}
