package io.github.ontapkafka.iscsi.transform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What every ECS document of the transform carries, and the names it shares. */
final class Ecs {

    /** The ECS release the documents follow; the conformance test validates them against its field reference. */
    static final String VERSION = "9.4.0";
    /**
     * The one custom namespace: ONTAP's iSCSI facts without an ECS field, nested under the product's name as ECS's
     * guidance on custom fields suggests. ECS defines no {@code ontap} field set, and Elastic names vendor data
     * after the product too.
     */
    static final String CUSTOM_NAMESPACE = "ontap";
    static final String MODULE = "ontap";
    static final String DATASET = "ontap.iscsi";

    private Ecs() {
    }

    /** A document with the fields every event shares, for an event of {@code provider} at {@code timestamp}. */
    static EcsDocument document(Instant timestamp, String provider) {
        return new EcsDocument()
                .put("@timestamp", timestamp)
                .put("ecs.version", VERSION)
                .put("event.module", MODULE)
                .put("event.dataset", DATASET)
                .put("event.provider", provider)
                .put("observer.vendor", "NetApp")
                .put("observer.product", "ONTAP")
                .put("observer.type", "storage");
    }

    /** The source side of an iSCSI connection: the initiator's address. */
    static void putSource(EcsDocument document, String address, Long port) {
        putEndpoint(document, "source", address, port);
        document.put("network.type", IpAddresses.networkType(address));
    }

    static void putEndpoint(EcsDocument document, String side, String address, Long port) {
        document.put(side + ".address", address)
                .put(side + ".ip", IpAddresses.isLiteral(address) ? address : null)
                .put(side + ".port", address == null ? null : port);
    }

    /** {@code related.ip}: each address once, in order of appearance, literals only. */
    static List<String> ips(List<String> addresses) {
        Set<String> ips = new LinkedHashSet<>();
        addresses.stream().filter(IpAddresses::isLiteral).forEach(ips::add);
        return new ArrayList<>(ips);
    }
}
