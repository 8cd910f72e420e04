package io.github.ontapkafka.iscsi.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Map.entry;

/**
 * {@code GET /api/cluster/nodes}: the cluster's nodes as {@code {uuid, name}} records, ordered by name, filtered by
 * {@code name} and {@code uuid}, paged with a {@code start.name} cursor. The simulator knows no other node field, and
 * {@code fields} naming one fails as an unknown field does.
 */
final class NodeCollectionEndpoint {

    private static final Set<String> ACCEPTED = Set.of("fields", "max_records", "return_records", "return_timeout",
            "ignore_unknown_fields");
    private static final String CURSOR = "start.name";
    private static final FieldPaths<SimulatedNode> PATHS = new FieldPaths<SimulatedNode>(Map.ofEntries(
            entry("name", node -> Stream.of(node.name())),
            entry("uuid", node -> Stream.of(node.uuid()))));

    /** A node record's fields; both come back, with or without {@code fields}. */
    enum NodeField implements RecordField {
        UUID("uuid"),
        NAME("name");

        private final String jsonName;

        NodeField(String jsonName) {
            this.jsonName = jsonName;
        }

        @Override
        public String jsonName() {
            return jsonName;
        }
    }

    private final SimulatedCluster cluster;
    private final PageNumbers pageNumbers;

    NodeCollectionEndpoint(SimulatedCluster cluster, PageNumbers pageNumbers) {
        this.cluster = cluster;
        this.pageNumbers = pageNumbers;
    }

    Reply get(ApiRequest request, int page) {
        QueryParameters query = request.query();
        QueryChecks.acceptOnly(query, name -> ACCEPTED.contains(name) || name.equals(CURSOR) || PATHS.isKnown(name));
        Set<NodeField> all = EnumSet.allOf(NodeField.class);
        // Only refuses unknown names: both fields are keys, so every selection holds both.
        FieldSelection.parse(NodeField.class, all, query.first("fields"), all,
                QueryChecks.flag(query, "ignore_unknown_fields", false));
        QueryFilter<SimulatedNode> filter = QueryFilter.of(query, PATHS);
        Stream<SimulatedNode> passing = cluster.nodes().stream().filter(filter)
                .sorted(Comparator.comparing(SimulatedNode::name));
        if (!QueryChecks.flag(query, "return_records", true)) {
            return CollectionReplies.count(request, OntapPaths.NODES, (int) passing.count());
        }
        Optional<String> after = query.first(CURSOR);
        int limit = CollectionReplies.limit(query, cluster);
        List<SimulatedNode> found = passing.filter(node -> after.isEmpty() || node.name().compareTo(after.get()) > 0)
                .limit(limit + 1L).toList();
        return CollectionReplies.page(request, OntapPaths.NODES, found, limit,
                last -> query.without(CURSOR::equals).with(CURSOR, last.name()), pageNumbers, page,
                (json, node) -> write(json, node, request.hal()));
    }

    private static void write(JsonGenerator json, SimulatedNode node, boolean links) throws IOException {
        json.writeStartObject();
        json.writeStringField("uuid", node.uuid());
        json.writeStringField("name", node.name());
        if (links) {
            Json.writeSelfLink(json, OntapPaths.node(node.uuid()));
        }
        json.writeEndObject();
    }
}
