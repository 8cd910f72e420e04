package io.github.ontapkafka.iscsi.simulator;

import java.util.List;
import java.util.Map;

/**
 * Serves one cluster's REST API. A request first meets the cluster's faults, as it would meet a failing network or
 * an overloaded node before ONTAP looks at it; then authentication and authorization; then the endpoint. Each paged
 * collection numbers the pages of its walks, so that a fault can strike page K of one of them.
 */
final class ClusterApi {

    private static final int SESSION_RECORD_SEGMENTS = 8;

    private final SimulatedCluster cluster;
    private final ClusterAuthentication authentication;
    private final Map<String, PageNumbers> pageNumbers = Map.of(OntapPaths.SESSIONS, new PageNumbers(),
            OntapPaths.EMS_EVENTS, new PageNumbers(), OntapPaths.NODES, new PageNumbers());
    private final ClusterEndpoint clusterEndpoint;
    private final NodeCollectionEndpoint nodeCollection;
    private final EmsEventCollectionEndpoint emsEvents;
    private final SessionCollectionEndpoint sessionCollection;
    private final SessionRecordEndpoint sessionRecord;

    ClusterApi(SimulatedCluster cluster, ClusterAuthentication authentication) {
        this.cluster = cluster;
        this.authentication = authentication;
        this.clusterEndpoint = new ClusterEndpoint(cluster);
        this.nodeCollection = new NodeCollectionEndpoint(cluster, pageNumbers.get(OntapPaths.NODES));
        this.emsEvents = new EmsEventCollectionEndpoint(cluster, pageNumbers.get(OntapPaths.EMS_EVENTS));
        this.sessionCollection = new SessionCollectionEndpoint(cluster, pageNumbers.get(OntapPaths.SESSIONS));
        this.sessionRecord = new SessionRecordEndpoint(cluster);
    }

    Reply handle(ApiRequest request) {
        cluster.stats().recordRequest(request.rawPath());
        PageNumbers numbers = pageNumbers.get(request.rawPath());
        int page = numbers == null ? PageNumbers.UNKNOWN : numbers.pageOf(request.query());
        Reply reply = cluster.faults().claim(request.rawPath(), page)
                .map(fault -> fault.reply(() -> answer(request, page)))
                .orElseGet(() -> answer(request, page));
        cluster.stats().recordBytes(reply.body().length);
        return reply;
    }

    private Reply answer(ApiRequest request, int page) {
        if (!authentication.accepts(request)) {
            return OntapErrors.unauthorized();
        }
        if (cluster.isPrivilegeDenied()) {
            return OntapErrors.forbidden();
        }
        try {
            return route(request, page);
        } catch (RejectedRequest rejected) {
            return rejected.reply();
        }
    }

    private Reply route(ApiRequest request, int page) {
        String path = request.rawPath();
        boolean known = path.equals(OntapPaths.CLUSTER) || pageNumbers.containsKey(path) || isSessionRecord(request);
        if (!known) {
            return OntapErrors.apiNotFound();
        }
        if (!request.isGet()) {
            return OntapErrors.forStatus(405);
        }
        return switch (path) {
            case OntapPaths.CLUSTER -> clusterEndpoint.get(request);
            case OntapPaths.NODES -> nodeCollection.get(request, page);
            case OntapPaths.EMS_EVENTS -> emsEvents.get(request, page);
            case OntapPaths.SESSIONS -> sessionCollection.get(request, page);
            default -> {
                List<String> segments = request.segments();
                yield sessionRecord.get(request, segments.get(5), segments.get(6), segments.get(7));
            }
        };
    }

    private static boolean isSessionRecord(ApiRequest request) {
        return request.rawPath().startsWith(OntapPaths.SESSIONS + "/")
                && request.segments().size() == SESSION_RECORD_SEGMENTS;
    }
}
