package io.github.ontapkafka.iscsi.demo;

/** Why the demo cannot go on, worded for the person who started it: printed as it is, without a stack trace. */
final class DemoFailure extends Exception {

    DemoFailure(String message) {
        super(message);
    }
}
