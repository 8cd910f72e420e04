package io.github.ontapkafka.iscsi.simulator;

/** Thrown while reading a request that ONTAP would refuse; carries the error reply ONTAP would send. */
final class RejectedRequest extends RuntimeException {

    private final transient Reply reply;

    RejectedRequest(Reply reply) {
        super("Request rejected with status " + reply.status(), null, false, false);
        this.reply = reply;
    }

    Reply reply() {
        return reply;
    }
}
