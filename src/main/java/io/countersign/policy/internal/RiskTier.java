package io.countersign.policy.internal;

import java.time.Duration;

import io.countersign.policy.Route;

/** One risk tier: items for which {@code when} holds are routed as it says. */
record RiskTier(String id, Condition when, Route route, int approvalsRequired, Duration expiresAfter) {
}
