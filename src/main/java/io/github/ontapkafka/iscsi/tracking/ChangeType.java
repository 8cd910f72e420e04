package io.github.ontapkafka.iscsi.tracking;

/** The kinds of change a poll can find; their names are the events' {@code event_type} values. */
public enum ChangeType {
    /** A session present at the first poll of a cluster without stored state ({@code snapshot.mode=initial}). */
    SNAPSHOT,
    /** A session that appeared since the previous poll. */
    LOGIN,
    /** A session that disappeared since the previous poll. */
    LOGOUT,
    /** A session that gained, lost or changed connections since the previous poll. */
    CONNECTION_CHANGE
}
