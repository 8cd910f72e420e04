package io.github.ontapkafka.iscsi.simulator;

import java.util.List;

/**
 * Serves one cluster's REST API. A request first meets the cluster's faults, as it would meet a failing network or
 * an overloaded node before ONTAP looks at it; then authentication and authorization; then the endpoint.
 */
final class ClusterApi {

    private static final int SESSION_RECORD_SEGMENTS = 8;

    private final SimulatedCluster cluster;
    private final ClusterAuthentication authentication;
    private final PageNumbers pageNumbers = new PageNumbers();
    private final ClusterEndpoint clusterEndpoint;
    private final SessionCollectionEndpoint sessionCollection;
    private final SessionRecordEndpoint sessionRecord;

    ClusterApi(SimulatedCluster cluster, ClusterAuthentication authentication) {
        this.cluster = cluster;
        this.authentication = authentication;
        this.clusterEndpoint = new ClusterEndpoint(cluster);
        this.sessionCollection = new SessionCollectionEndpoint(cluster, pageNumbers);
        this.sessionRecord = new SessionRecordEndpoint(cluster);
    }

    Reply handle(ApiRequest request) {
        cluster.stats().recordRequest(request.rawPath());
        int page = isSessionCollection(request) ? pageNumbers.pageOf(request.query()) : PageNumbers.UNKNOWN;
        Reply reply = cluster.faults().claim(page)
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
        boolean known = path.equals(OntapPaths.CLUSTER) || isSessionCollection(request) || isSessionRecord(request);
        if (!known) {
            return OntapErrors.apiNotFound();
        }
        if (!request.isGet()) {
            return OntapErrors.forStatus(405);
        }
        if (path.equals(OntapPaths.CLUSTER)) {
            return clusterEndpoint.get(request);
        }
        if (isSessionCollection(request)) {
            return sessionCollection.get(request, page);
        }
        List<String> segments = request.segments();
        return sessionRecord.get(request, segments.get(5), segments.get(6), segments.get(7));
    }

    private static boolean isSessionCollection(ApiRequest request) {
        return request.rawPath().equals(OntapPaths.SESSIONS);
    }

    private static boolean isSessionRecord(ApiRequest request) {
        return request.rawPath().startsWith(OntapPaths.SESSIONS + "/")
                && request.segments().size() == SESSION_RECORD_SEGMENTS;
    }
}
