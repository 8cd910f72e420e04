package io.github.ontapkafka.iscsi.simulator;

/** What one round of {@link SessionChurn} did to a cluster. */
public record ChurnSummary(int logins, int logouts, int connectionsAdded, int connectionsDropped, int tsihReuses) {

    public int operations() {
        return logins + logouts + connectionsAdded + connectionsDropped + tsihReuses;
    }
}
