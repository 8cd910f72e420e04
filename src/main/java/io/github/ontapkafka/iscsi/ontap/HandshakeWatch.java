package io.github.ontapkafka.iscsi.ontap;

import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Handshake;

/**
 * Notes on a request whether its connection completed a TLS handshake. With TLS 1.3 a server checks the client's
 * certificate after the handshake has completed on the client's side, and refuses it by closing the connection: the
 * client sees only a broken pipe or a reset. Knowing that the handshake had completed tells that refusal from a
 * network that failed to connect.
 */
final class HandshakeWatch extends EventListener {

    static final EventListener.Factory FACTORY = call -> new HandshakeWatch();

    /** The tag a request carries to be watched. */
    static final class Completed {
        private volatile boolean completed;

        boolean completed() {
            return completed;
        }
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
        Completed tag = call.request().tag(Completed.class);
        if (tag != null) {
            tag.completed = true;
        }
    }
}
