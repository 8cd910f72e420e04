package io.github.ontapkafka.iscsi.ontap;

import io.github.ontapkafka.iscsi.model.IscsiSession;

import java.util.List;

/** One page of the sessions collection and the cluster-relative link to the next page (null on the last). */
public record SessionPage(List<IscsiSession> records, String nextHref) {
}
