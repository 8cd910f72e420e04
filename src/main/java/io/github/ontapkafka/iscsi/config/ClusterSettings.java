package io.github.ontapkafka.iscsi.config;

import io.github.ontapkafka.iscsi.ontap.ClusterAccess;
import io.github.ontapkafka.iscsi.ontap.ClusterUrl;
import io.github.ontapkafka.iscsi.ontap.SessionScope;

import java.util.Map;

/**
 * One configured cluster with the settings it is read with: its own where it has an entry
 * {@code ontap.cluster.<name>.*}, the connector-wide ones otherwise.
 */
public final class ClusterSettings {

    private final ClusterUrl url;
    private final String name;
    private final ClusterAccess access;
    private final SessionScope scope;
    private final Map<String, String> ownKeys;

    ClusterSettings(ClusterUrl url, String name, ClusterAccess access, SessionScope scope, Map<String, String> ownKeys) {
        this.url = url;
        this.name = name;
        this.access = access;
        this.scope = scope;
        this.ownKeys = Map.copyOf(ownKeys);
    }

    public ClusterUrl url() {
        return url;
    }

    /** The name the cluster has in {@code ontap.clusters}, or null when it is listed by URL. */
    public String name() {
        return name;
    }

    public ClusterAccess access() {
        return access;
    }

    /** The sessions to watch, from {@code ontap.sessions.filter}. */
    public SessionScope scope() {
        return scope;
    }

    /**
     * The key this cluster reads a connector-wide setting from: its own override when it has one, so that an error
     * is reported where the value is. For {@code ontap.clusters}, a named cluster's {@code url} key.
     */
    public String keyFor(String connectorWideKey) {
        return ownKeys.getOrDefault(connectorWideKey, connectorWideKey);
    }

    @Override
    public String toString() {
        return describe(url, name);
    }

    /** How messages name a cluster: by its URL, and by its name where it has one. */
    static String describe(ClusterUrl url, String name) {
        return name == null ? url.toString() : name + " (" + url + ")";
    }
}
