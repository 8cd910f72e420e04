package io.github.ontapkafka.iscsi.ontap;

/**
 * Where a value lies in a JSON answer, such as {@code records[3].connections[0].cid}: built step by step as the
 * parser descends, written out only when an error message needs it, so that reading a valid record costs no string
 * building.
 */
final class JsonPath {

    private final JsonPath parent;
    private final String field;
    private final int index;

    private JsonPath(JsonPath parent, String field, int index) {
        this.parent = parent;
        this.field = field;
        this.index = index;
    }

    static JsonPath of(String root) {
        return new JsonPath(null, root, -1);
    }

    JsonPath field(String name) {
        return new JsonPath(this, name, -1);
    }

    JsonPath index(int element) {
        return new JsonPath(this, null, element);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return field;
        }
        return parent + (field != null ? "." + field : "[" + index + "]");
    }
}
