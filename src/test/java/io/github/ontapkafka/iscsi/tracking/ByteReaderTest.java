package io.github.ontapkafka.iscsi.tracking;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteReaderTest {

    @Test
    void readsBackEveryVarintTheWriterWrites() {
        long[] values = {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, 1L << 32, Long.MAX_VALUE, -1L};
        ByteWriter out = new ByteWriter(4);
        for (long value : values) {
            out.varint(value);
        }
        ByteReader in = new ByteReader(out.toByteArray());
        for (long value : values) {
            assertThat(in.varlong()).isEqualTo(value);
        }
        assertThat(in.remaining()).isZero();
    }

    @Test
    void refusesANumberThatDoesNotEnd() {
        byte[] eleven = new byte[11];
        Arrays.fill(eleven, (byte) 0x80);
        assertThatThrownBy(() -> new ByteReader(eleven).varlong()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than 10 bytes");
        assertThatThrownBy(() -> new ByteReader(new byte[]{(byte) 0x80}).varlong())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends early");
    }

    @Test
    void refusesAnIntThatDoesNotFit() {
        ByteWriter out = new ByteWriter(8);
        out.varint(1L << 31);
        assertThatThrownBy(() -> new ByteReader(out.toByteArray()).varint())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range: 2147483648");
    }

    @Test
    void refusesAStringLongerThanWhatRemains() {
        assertThatThrownBy(() -> new ByteReader(new byte[]{'a', 'b'}).utf8(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends early");
    }
}
