package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.model.ClusterNode;
import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.ontap.EmsListing;
import io.github.ontapkafka.iscsi.ontap.OntapClient;
import io.github.ontapkafka.iscsi.ontap.OntapException;
import io.github.ontapkafka.iscsi.tracking.EmsCursor;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the iSCSI login messages of a cluster's event log after a cursor, node by node. Asks with wildcards only:
 * naming a message a release lacks is an error in ONTAP, a wildcard is not.
 */
final class EmsReader {

    /** The messages read; see {@link io.github.ontapkafka.iscsi.event.EmsEventKind}. */
    static final String MESSAGES = "iscsi.login*|san.initiator.login*";

    /**
     * What one read found: the events in node and index order, the nodes whose events aged out unread, and the
     * values read as unknown.
     */
    record EmsRead(List<EmsEvent> events, List<String> agedOut, List<String> oddities) {
    }

    private EmsReader() {
    }

    /** Every event after {@code cursor}, or an exception: a partial read would move the cursor past unread events. */
    static EmsRead read(OntapClient client, EmsCursor cursor) throws OntapException, InterruptedException {
        List<EmsEvent> events = new ArrayList<>();
        List<String> agedOut = new ArrayList<>();
        List<String> oddities = new ArrayList<>();
        for (ClusterNode node : client.fetchNodes()) {
            long last = cursor.lastIndex(node.uuid());
            if (last >= 0) {
                OptionalLong oldest = client.oldestEmsIndex(node.uuid());
                if (oldest.isPresent() && oldest.getAsLong() > last + 1) {
                    agedOut.add("node " + node.name() + " (" + node.uuid() + ") holds events from index "
                            + oldest.getAsLong() + " on; the connector had read up to " + last + ": events "
                            + (last + 1) + " to " + (oldest.getAsLong() - 1) + " aged out unread");
                }
            }
            EmsListing listing = client.fetchEmsEvents(node.uuid(), last, MESSAGES);
            events.addAll(listing.events());
            oddities.addAll(listing.oddities());
        }
        return new EmsRead(events, agedOut, oddities);
    }
}
