package io.github.ontapkafka.iscsi.transform;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ECS document under construction: fields are named by their dotted ECS names ({@code event.kind}) and stored
 * as nested objects, the form Elasticsearch and the ECS reference show. A null or empty value is left out, so that
 * the document holds only what the record says.
 */
final class EcsDocument {

    private final Map<String, Object> root = new LinkedHashMap<>();

    EcsDocument put(String dottedName, Object value) {
        if (isEmpty(value)) {
            return this;
        }
        Map<String, Object> parent = root;
        String[] names = dottedName.split("\\.");
        for (int i = 0; i < names.length - 1; i++) {
            parent = objectAt(parent, names[i], dottedName);
        }
        parent.put(names[names.length - 1], value instanceof Instant instant ? instant.toString() : value);
        return this;
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof Collection<?> list && list.isEmpty()
                || value instanceof Map<?, ?> object && object.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objectAt(Map<String, Object> parent, String name, String dottedName) {
        Object child = parent.computeIfAbsent(name, n -> new LinkedHashMap<String, Object>());
        if (!(child instanceof Map<?, ?>)) {
            throw new IllegalStateException("ECS field " + dottedName + " would nest under the value of " + name);
        }
        return (Map<String, Object>) child;
    }

    Map<String, Object> asMap() {
        return root;
    }
}
