package io.github.ontapkafka.iscsi.ontap;

import io.github.ontapkafka.iscsi.model.EmsEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Gathers the pages of one walk of a node's event log into an {@link EmsListing} that keeps the cursor's promise
 * whatever ONTAP's paging does: only that node's events, only those after the cursor, each index once, in index
 * order. ONTAP is asked for exactly that; what it sends beyond it is left out and said, except an event of another
 * node, which fails the walk: its index counts another node's events and would move the cursor wrongly.
 */
final class EmsListingBuilder {

    private static final JsonPath RECORDS = JsonPath.of("records");

    private final String nodeUuid;
    private final long afterIndex;
    private final TreeMap<Long, EmsEvent> events = new TreeMap<>();
    private final List<String> oddities = new ArrayList<>();

    EmsListingBuilder(String nodeUuid, long afterIndex) {
        this.nodeUuid = nodeUuid;
        this.afterIndex = afterIndex;
    }

    /** Where what is odd in page {@code what} is said. */
    Consumer<String> odditiesOf(String what) {
        return odd -> oddities.add(what + ", " + odd);
    }

    /** Takes in the events of page {@code what}, the {@code i}-th read from its {@code records[i]}. */
    void add(List<EmsEvent> page, String what) throws MalformedResponseException {
        Consumer<String> odd = odditiesOf(what);
        for (int i = 0; i < page.size(); i++) {
            EmsEvent event = page.get(i);
            JsonPath path = RECORDS.index(i);
            if (!event.nodeUuid().equals(nodeUuid)) {
                throw new MalformedResponseException(path + ": an event of node " + event.nodeUuid()
                        + " in the event log of node " + nodeUuid + "; ONTAP did not apply the node filter");
            }
            if (event.index() <= afterIndex) {
                odd.accept(path + ": index " + event.index() + " is not after the cursor " + afterIndex
                        + "; left out as already read");
            } else if (events.putIfAbsent(event.index(), event) != null) {
                odd.accept(path + ": index " + event.index() + " is listed twice; the first is kept");
            }
        }
    }

    EmsListing build() {
        return new EmsListing(nodeUuid, afterIndex, new ArrayList<>(events.values()), oddities);
    }
}
