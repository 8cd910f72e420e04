package io.github.ontapkafka.iscsi.ontap;

import io.github.ontapkafka.iscsi.model.EmsEvent;

import java.util.List;

/**
 * The events one complete walk of a node's event log returned after a cursor, in index order, each index once. It
 * exists only when every page came back whole: a cursor moved past events not read would lose them for good.
 *
 * @param afterIndex the cursor the walk started after; negative when it started at the oldest event held
 * @param oddities   what was passed over as unknown or left out, each with its page and path
 */
public record EmsListing(String nodeUuid, long afterIndex, List<EmsEvent> events, List<String> oddities) {

    public EmsListing {
        events = List.copyOf(events);
        oddities = List.copyOf(oddities);
    }

    /** The cursor to resume from once these events are handled: the last one's index, or the cursor walked from. */
    public long cursor() {
        return events.isEmpty() ? afterIndex : events.get(events.size() - 1).index();
    }
}
