package io.countersign.lifecycle.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Joiner, mover, leaver settings ({@code countersign.lifecycle.*}).
 *
 * @param peerShare          an entitlement joins a package when at least this share of the joiner's peers (same
 *                           title, desk and location) hold it (default 0.6)
 * @param moverGrace         how long a mover keeps what only the old role needed (default 7 days)
 * @param directMarketAccess entitlement keys that reach an exchange directly (high risk, routed to compliance)
 * @param sweepInterval      how often due cases, movers' removals and end dates are checked (default 1 minute)
 * @param staleAfter         a case left running this long (e.g. by a crash) is resumed (default 5 minutes)
 * @param batchSize          inbox events read per pass (default 500)
 * @param replayHorizon      events that took effect longer ago than this are history: recorded, not replayed (default 3 days)
 * @param parallelism        cases run at once (default 4)
 */
@ConfigurationProperties("countersign.lifecycle")
record LifecycleProperties(@DefaultValue("0.6") double peerShare, @DefaultValue("P7D") Duration moverGrace,
                           @DefaultValue({"Murex:EXECUTE_TRADE", "Tradeweb:TRADE"}) List<String> directMarketAccess,
                           @DefaultValue("PT1M") Duration sweepInterval, @DefaultValue("PT5M") Duration staleAfter,
                           @DefaultValue("500") int batchSize, @DefaultValue("P3D") Duration replayHorizon,
                           @DefaultValue("4") int parallelism) {

    LifecycleProperties {
        if (peerShare <= 0 || peerShare > 1) {
            throw new IllegalArgumentException("countersign.lifecycle.peer-share must be in (0, 1], got " + peerShare);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("countersign.lifecycle.batch-size must be at least 1, got " + batchSize);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("countersign.lifecycle.parallelism must be at least 1, got " + parallelism);
        }
        directMarketAccess = List.copyOf(directMarketAccess);
    }
}
