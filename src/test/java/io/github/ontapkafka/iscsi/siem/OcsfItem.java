package io.github.ontapkafka.iscsi.siem;

import java.util.List;
import java.util.Map;

/** A compiled (flattened) event class or object. {@code uid} is the class_uid, null for objects. */
record OcsfItem(String kind, String name, Integer uid, Map<String, OcsfAttribute> attributes,
                Map<String, List<String>> constraints) {

    String describe() {
        return uid == null ? kind + " \"" + name + "\"" : kind + " \"" + name + "\" (" + uid + ")";
    }

    /** OCSF's generic "object" defines no attributes, and then any attribute is allowed (e.g. {@code unmapped}). */
    boolean isOpen() {
        return attributes.isEmpty();
    }
}
