package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.SessionKey;

/**
 * What the task remembers of a session: its digest, the fingerprint of the record it last came in, and its content
 * in compact form when it has seen it. After a restart only the digest is known (offsets hold no more) until the
 * first poll shows the session again. Kept small: a task may track hundreds of thousands.
 */
public final class TrackedSession {

    private final SessionKey key;
    private final long digest;
    private final long fingerprint;
    private final byte[] content;

    TrackedSession(SessionKey key, long digest, long fingerprint, byte[] content) {
        this.key = key;
        this.digest = digest;
        this.fingerprint = fingerprint;
        this.content = content;
    }

    public SessionKey key() {
        return key;
    }

    public long digest() {
        return digest;
    }

    public boolean contentKnown() {
        return content != null;
    }

    long fingerprint() {
        return fingerprint;
    }

    byte[] content() {
        return content;
    }
}
