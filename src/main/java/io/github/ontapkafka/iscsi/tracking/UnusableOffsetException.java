package io.github.ontapkafka.iscsi.tracking;

/**
 * A stored offset that this connector cannot resume from: not one it wrote, or damaged. The message names the field
 * and what is wrong with it; the way out is to reset the cluster's offset.
 */
public final class UnusableOffsetException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UnusableOffsetException(String message) {
        super(message);
    }

    UnusableOffsetException(String message, Throwable cause) {
        super(message, cause);
    }
}
