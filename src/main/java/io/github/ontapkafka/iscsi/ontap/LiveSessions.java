package io.github.ontapkafka.iscsi.ontap;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;

/**
 * Every session record one poll of a cluster returned. A record is read into the model only on demand: most of a
 * poll's records are byte for byte the ones the previous poll returned, and their {@link #fingerprint} tells so
 * without reading them.
 *
 * @param <E> what reading a record that is not a valid session throws
 */
public interface LiveSessions<E extends Exception> {

    /** The fingerprint of a record whose raw bytes are unknown: it matches nothing. */
    long NO_FINGERPRINT = 0;

    int size();

    /** A hash of record {@code index}'s raw bytes (equal bytes, equal session), or {@link #NO_FINGERPRINT}. */
    long fingerprint(int index);

    /** Record {@code index} read into the model; throws if it is not a valid session record. */
    IscsiSession session(int index) throws E;

    /** The failure to report when record {@code index} repeats the key {@code key} of another record. */
    E listedTwice(int index, SessionKey key);
}
