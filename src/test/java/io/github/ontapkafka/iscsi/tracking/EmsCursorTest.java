package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.EmsEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmsCursorTest {

    private static EmsEvent event(String node, long index) {
        return new EmsEvent(node, "node-" + node, index, null, "iscsi.loginFailure", "notice", null, List.of(), null);
    }

    @Test
    void startsBeforeEveryNodesFirstEventAndMovesPerNode() {
        EmsCursor cursor = EmsCursor.START.after(event("a", 7)).after(event("b", 3)).after(event("a", 12));

        assertThat(EmsCursor.START.lastIndex("a")).isEqualTo(-1);
        assertThat(cursor.lastIndex("a")).isEqualTo(12);
        assertThat(cursor.lastIndex("b")).isEqualTo(3);
        assertThat(cursor.lastIndex("c")).isEqualTo(-1);
        assertThat(cursor.after(event("a", 5)).lastIndex("a")).as("never moves back").isEqualTo(12);
    }

    @Test
    void survivesItsOffsetAsTheWorkerStoresIt() {
        EmsCursor cursor = EmsCursor.START.after(event("a", 7)).after(event("b", 3));

        assertThat(cursor.offset()).containsExactly(Map.entry("format", 1), Map.entry("node.a", 7L),
                Map.entry("node.b", 3L));
        // Connect's JSON offset store gives small numbers back as integers.
        assertThat(EmsCursor.parse(Map.of("format", 1, "node.a", 7, "node.b", 3L))).isEqualTo(cursor);
        assertThat(EmsCursor.parse(Map.of("format", 1))).isEqualTo(EmsCursor.START);
    }

    @Test
    void anOffsetItCouldNotHaveWrittenIsRefusedNamingTheField() {
        assertThatThrownBy(() -> EmsCursor.parse(Map.of("node.a", 7))).isInstanceOf(UnusableOffsetException.class)
                .hasMessageContaining("'format'");
        assertThatThrownBy(() -> EmsCursor.parse(Map.of("format", 1, "index", 7)))
                .isInstanceOf(UnusableOffsetException.class).hasMessageContaining("'index'");
        assertThatThrownBy(() -> EmsCursor.parse(Map.of("format", 1, "node.a", 7.5)))
                .isInstanceOf(UnusableOffsetException.class).hasMessageContaining("'node.a'");
        assertThatThrownBy(() -> EmsCursor.parse(Map.of("format", 1, "node.a", -2)))
                .isInstanceOf(UnusableOffsetException.class).hasMessageContaining("'node.a'");
    }

    @Test
    void itsPartitionIsTheClustersWithTheStreamNamed() {
        assertThat(EmsCursor.partition("c-1")).containsOnly(Map.entry("cluster_uuid", "c-1"), Map.entry("stream", "ems"));
        assertThat(EmsCursor.isEmsPartition(EmsCursor.partition("c-1"))).isTrue();
        assertThat(EmsCursor.isEmsPartition(OffsetFormat.partition("c-1"))).isFalse();
    }
}
