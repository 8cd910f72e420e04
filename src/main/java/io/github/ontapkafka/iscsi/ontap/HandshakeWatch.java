package io.github.ontapkafka.iscsi.ontap;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Notes on a request whether its connection began a TLS handshake. A server that refuses the client's certificate
 * ends the connection: before TLS 1.3 with an alert the client reads, with TLS 1.3 often after the handshake has
 * completed on the client's side, or while the client is still writing its last handshake message, so that the
 * client sees only a broken pipe, a reset or an early end of stream. Knowing that TLS had begun tells that refusal
 * from a network that failed to connect at all.
 */
final class HandshakeWatch extends EventListener {

    static final EventListener.Factory FACTORY = call -> new HandshakeWatch();

    /** The tag a request carries to be watched. */
    static final class Tls {
        private volatile boolean begun;

        boolean begun() {
            return begun;
        }
    }

    @Override
    public void secureConnectStart(Call call) {
        Tls tag = call.request().tag(Tls.class);
        if (tag != null) {
            tag.begun = true;
        }
    }
}
