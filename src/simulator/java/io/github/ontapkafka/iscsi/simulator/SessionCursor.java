package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.SessionKey;

import java.util.Optional;

/**
 * The key cursor in a session collection's {@code next} link: {@code start.svm.uuid}, {@code start.target_portal_group}
 * and {@code start.tsih} name the last record served, and the next page starts strictly after it.
 */
final class SessionCursor {

    private static final String SVM_UUID = "start.svm.uuid";
    private static final String PORTAL_GROUP = "start.target_portal_group";
    private static final String TSIH = "start.tsih";

    private SessionCursor() {
    }

    /** The key a request continues after, or empty for a first page. */
    static Optional<SessionKey> read(QueryParameters query) {
        Optional<String> svmUuid = query.first(SVM_UUID);
        Optional<String> portalGroup = query.first(PORTAL_GROUP);
        Optional<String> tsih = query.first(TSIH);
        if (svmUuid.isEmpty() && portalGroup.isEmpty() && tsih.isEmpty()) {
            return Optional.empty();
        }
        String missing = svmUuid.isEmpty() ? SVM_UUID : portalGroup.isEmpty() ? PORTAL_GROUP : tsih.isEmpty() ? TSIH : null;
        if (missing != null) {
            throw new RejectedRequest(OntapErrors.invalidValue(missing, ""));
        }
        try {
            return Optional.of(new SessionKey(svmUuid.get(), portalGroup.get(), Integer.parseInt(tsih.get())));
        } catch (NumberFormatException e) {
            throw new RejectedRequest(OntapErrors.invalidValue(TSIH, tsih.get()));
        }
    }

    /** The query of the page after {@code last}: every parameter the client sent, with the cursor moved on. */
    static QueryParameters after(QueryParameters query, SessionKey last) {
        return query.without(QueryParameters::isCursorParameter)
                .with(SVM_UUID, last.svmUuid())
                .with(PORTAL_GROUP, last.targetPortalGroup())
                .with(TSIH, Integer.toString(last.tsih()));
    }
}
