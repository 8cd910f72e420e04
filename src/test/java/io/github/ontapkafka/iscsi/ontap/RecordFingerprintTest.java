package io.github.ontapkafka.iscsi.ontap;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecordFingerprintTest {

    private static long of(String text, int padding) {
        byte[] bytes = ("x".repeat(padding) + text + "y").getBytes(StandardCharsets.UTF_8);
        return RecordFingerprint.of(bytes, padding, bytes.length - 1);
    }

    @Test
    void equalBytesGiveEqualFingerprintsWhereverTheyLie() {
        String record = "{\"svm\":{\"uuid\":\"a009a9e7-4081-b576-7575-ada21efcaf16\"},\"tsih\":7}";

        assertThat(of(record, 0)).isEqualTo(of(record, 13));
    }

    @Test
    void anyChangedByteOrLengthGivesAnotherFingerprint() {
        String record = "{\"svm\":{\"uuid\":\"a009a9e7-4081-b576-7575-ada21efcaf16\"},\"tsih\":7,\"connections\":[]}";
        Set<Long> fingerprints = new HashSet<>();
        fingerprints.add(of(record, 0));
        for (int i = 0; i < record.length(); i++) {
            char[] changed = record.toCharArray();
            changed[i] ^= 1;
            fingerprints.add(of(new String(changed), 0));
            fingerprints.add(of(record.substring(0, i), 0));
        }

        assertThat(fingerprints).hasSize(1 + 2 * record.length()).doesNotContain(0L);
    }
}
