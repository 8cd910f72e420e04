package io.github.ontapkafka.iscsi.siem;

import java.util.Map;
import java.util.Set;

/** The compiled schema: classes by class_uid, objects by name, dictionary types, and every known profile name. */
record OcsfDefinitions(String version, Map<Integer, OcsfItem> classesByUid, Map<String, OcsfItem> objects,
                       Map<String, OcsfType> types, Set<String> profiles) {
}
