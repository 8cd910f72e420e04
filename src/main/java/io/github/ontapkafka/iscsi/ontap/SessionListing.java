package io.github.ontapkafka.iscsi.ontap;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every session record of one complete walk of a cluster's sessions collection, scanned but read only on demand.
 * A record that is not a valid session fails when it is read, naming the page it came from.
 */
public final class SessionListing implements LiveSessions<OntapException> {

    private final ClusterUrl cluster;
    private final SessionScope scope;
    private final SessionPageParser parser;
    private final List<SessionPage> pages;
    /** Per record, its page, its index within the page, and its fingerprint. */
    private final int[] pageOf;
    private final int[] indexInPage;
    private final long[] fingerprints;
    private final List<String> oddities = new ArrayList<>();

    public SessionListing(ClusterUrl cluster, SessionScope scope, SessionPageParser parser, List<SessionPage> pages) {
        this.scope = scope;
        this.cluster = cluster;
        this.parser = parser;
        this.pages = List.copyOf(pages);
        int total = pages.stream().mapToInt(SessionPage::size).sum();
        this.pageOf = new int[total];
        this.indexInPage = new int[total];
        this.fingerprints = new long[total];
        int record = 0;
        for (int page = 0; page < pages.size(); page++) {
            for (int index = 0; index < pages.get(page).size(); index++, record++) {
                pageOf[record] = page;
                indexInPage[record] = index;
                fingerprints[record] = pages.get(page).fingerprints()[index];
            }
        }
    }

    /** The sessions this listing is of: ONTAP left out the others. */
    public SessionScope scope() {
        return scope;
    }

    @Override
    public int size() {
        return pageOf.length;
    }

    @Override
    public long fingerprint(int index) {
        return fingerprints[index];
    }

    @Override
    public IscsiSession session(int index) throws OntapException {
        try {
            return parser.read(pages.get(pageOf[index]), indexInPage[index],
                    odd -> oddities.add(page(index) + ", " + odd));
        } catch (MalformedResponseException e) {
            throw new OntapException(cluster, FailureKind.BAD_RESPONSE, page(index) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public OntapException listedTwice(int index, SessionKey key) {
        return new OntapException(cluster, FailureKind.BAD_RESPONSE,
                page(index) + ": session " + key + " is listed twice", null);
    }

    /** What was passed over as unknown in the records read so far: values of an unexpected type, each with its path. */
    public List<String> oddities() {
        return List.copyOf(oddities);
    }

    /** Every session read into the model, by key. */
    public Map<SessionKey, IscsiSession> toMap() throws OntapException {
        Map<SessionKey, IscsiSession> sessions = new HashMap<>();
        for (int i = 0; i < size(); i++) {
            IscsiSession session = session(i);
            if (sessions.putIfAbsent(session.key(), session) != null) {
                throw listedTwice(i, session.key());
            }
        }
        return sessions;
    }

    private String page(int index) {
        return OntapClient.describePage(OntapClient.SESSIONS_PATH, pageOf[index] + 1);
    }
}
