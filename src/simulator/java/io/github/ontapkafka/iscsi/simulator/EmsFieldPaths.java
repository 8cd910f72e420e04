package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.EmsParameter;

import java.util.Map;
import java.util.stream.Stream;

import static java.util.Map.entry;

/**
 * The fields of an EMS event record by ONTAP's dotted paths, as query filters name them. {@code time} compares as an
 * instant, however a filter spells it; {@code parameters.name} and {@code parameters.value} match any parameter.
 */
final class EmsFieldPaths {

    static final FieldPaths<EmsEvent> PATHS = new FieldPaths<EmsEvent>(Map.ofEntries(
            entry("node.name", event -> Stream.of(event.nodeName())),
            entry("node.uuid", event -> Stream.of(event.nodeUuid())),
            entry("index", event -> Stream.of(event.index())),
            entry("time", event -> Stream.of(EmsTime.epochSeconds(event.time()))),
            entry("message.name", event -> Stream.of(event.messageName())),
            entry("message.severity", event -> Stream.of(event.severity())),
            entry("log_message", event -> Stream.of(event.logMessage())),
            entry("source", event -> Stream.of(event.source())),
            entry("parameters.name", event -> event.parameters().stream().map(EmsParameter::name)),
            entry("parameters.value", event -> event.parameters().stream().map(EmsParameter::value))),
            Map.of("time", EmsTime::filterOperand));

    private EmsFieldPaths() {
    }
}
