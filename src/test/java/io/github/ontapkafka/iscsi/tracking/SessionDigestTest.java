package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import org.junit.jupiter.api.Test;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;

class SessionDigestTest {

    @Test
    void isStableAcrossReleasesOfThisCode() {
        // Stored in offsets and part of event ids: a change here breaks every deployed connector's state.
        assertThat(SessionDigest.of(session(1, "iqn.1994-05.com.redhat:host-a", connection(1))))
                .isEqualTo(SessionDigest.of(session(1, "iqn.1994-05.com.redhat:host-a", connection(1))))
                .isEqualTo(41928673127302221L);
    }

    @Test
    void ignoresConnectionOrderAndDescriptiveFields() {
        IscsiSession a = session(1, "iqn.x", connection(1), connection(2));
        IscsiSession b = session(9, "iqn.x", connection(2), connection(1));

        assertThat(SessionDigest.of(a)).isEqualTo(SessionDigest.of(b));
    }

    @Test
    void separatesLoginIdentityFromConnections() {
        long base = SessionDigest.of(session(1, "iqn.x", connection(1)));
        long moreConnections = SessionDigest.of(session(1, "iqn.x", connection(1), connection(2)));
        long otherInitiator = SessionDigest.of(session(1, "iqn.y", connection(1)));

        assertThat(moreConnections).isNotEqualTo(base);
        assertThat(SessionDigest.sameLogin(base, moreConnections)).isTrue();
        assertThat(SessionDigest.sameLogin(base, otherInitiator)).isFalse();
    }
}
