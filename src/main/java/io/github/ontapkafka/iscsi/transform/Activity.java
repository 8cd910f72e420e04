package io.github.ontapkafka.iscsi.transform;

/** The Authentication class's activities that the transform uses ({@code activity_id}, OCSF 1.5.0). */
enum Activity {
    LOGON(1, "Logon"),
    LOGOFF(2, "Logoff"),
    /** OCSF's rule for {@code 99}: {@code activity_name} then carries the source's own label. */
    OTHER(99, "Other");

    final int id;
    final String caption;

    Activity(int id, String caption) {
        this.id = id;
        this.caption = caption;
    }
}
