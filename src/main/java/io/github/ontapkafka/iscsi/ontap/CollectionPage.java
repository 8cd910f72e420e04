package io.github.ontapkafka.iscsi.ontap;

import java.util.List;

/**
 * One page of a small ONTAP collection, read whole: its records, and the link to the next page, relative to the
 * cluster (null on the last).
 */
record CollectionPage<T>(List<T> records, String nextHref) {

    CollectionPage {
        records = List.copyOf(records);
    }
}
