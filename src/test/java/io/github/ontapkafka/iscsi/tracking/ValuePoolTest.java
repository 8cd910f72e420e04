package io.github.ontapkafka.iscsi.tracking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValuePoolTest {

    @Test
    void equalValuesShareOneInstanceAndOneId() {
        ValuePool pool = new ValuePool();
        String first = new String("iscsi_lif_a1");
        String second = new String("iscsi_lif_a1");

        assertThat(pool.share(first)).isSameAs(first);
        assertThat(pool.share(second)).isSameAs(first);
        assertThat(pool.acquire(new String("iscsi_lif_a1"))).isEqualTo(pool.acquire(first)).isNotZero();
        assertThat(pool.acquire(null)).isZero();
    }

    @Test
    void aValueIsDroppedAfterItsLastUseAndItsIdReused() {
        ValuePool pool = new ValuePool();
        int id = pool.acquire("chap");
        pool.acquire("chap");

        pool.release(id);
        assertThat(pool.value(id)).isEqualTo("chap");
        pool.release(id);
        assertThat(pool.value(id)).isNull();

        String next = new String("none");
        assertThat(pool.acquire(next)).isEqualTo(id);
        assertThat(pool.share(new String("none"))).isSameAs(next);
    }

    @Test
    void growsToHoldAnyNumberOfValues() {
        ValuePool pool = new ValuePool();
        for (int i = 0; i < 1_000; i++) {
            String value = "svm-" + i;
            assertThat(pool.share(value)).isSameAs(value);
        }
        assertThat(pool.value(pool.acquire("svm-999"))).isEqualTo("svm-999");
    }
}
