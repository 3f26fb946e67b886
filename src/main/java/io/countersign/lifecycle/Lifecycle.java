package io.countersign.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Joiner, mover and leaver (see the package documentation).
 *
 * <p>Processing runs by itself (on {@code InboundEventsStored} and on a schedule); the methods here let the
 * command line, the demo and tests drive it and read its state. Every method is safe to call again: an event is
 * processed once, a planned write that was executed is never repeated.
 */
public interface Lifecycle {

    String JOINER = "joiner";
    String MOVER = "mover";
    String LEAVER = "leaver";
    String ONBOARDING_AGENT = "onboarding-agent";
    String OFFBOARDING_AGENT = "offboarding-agent";

    /** Processes the HR events waiting in the inbox and every case that is due or was interrupted; returns how many cases ran. */
    int processPending();

    /** Carries out movers' removals whose grace period ended by {@code now}; returns how many were carried out. */
    int executeDueRemovals(Instant now);

    /**
     * Finds accounts still active after their owner's HR end date (an alert each, once) and starts a leaver case for
     * contractors past their end date.
     */
    SweepReport sweep(LocalDate today);

    Optional<LifecycleCase> lifecycleCase(String id);

    /** The access package of a joiner's or mover's case; its request id is the case id. */
    Optional<AccessPackage> accessPackage(String requestId);

    DeprovisioningStats deprovisioning();

    /** The same, for leavers whose HR event arrived at or after {@code since}. */
    DeprovisioningStats deprovisioning(Instant since);
}
