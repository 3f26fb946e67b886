package io.countersign.ai.internal;

import java.util.Locale;

/** Sentences for the SoD remediation factors, written from the side that should go. */
final class Explanations {

    private Explanations() {
    }

    static String of(String factor, SodRemediationReasoner.Candidate go, SodRemediationReasoner.Candidate stay) {
        return switch (factor) {
            case "peer_share" -> String.format(Locale.ROOT, "%s is held by %s of peers with the same title and desk, %s by %s",
                    go.id(), percent(go.features().get("peer_share")), stay.id(), percent(stay.features().get("peer_share")));
            case "prior_role" -> describe(go, stay, "prior_role", "was kept from a previous role");
            case "direct_grant" -> describe(go, stay, "direct_grant", "was granted directly on the platform, outside any request");
            case "in_role_bundle" -> describe(go, stay, "in_role_bundle", "is part of the role bundle for this title and desk");
            case "dormancy" -> dormancy(go, stay);
            case "privilege" -> String.format(Locale.ROOT, "%s is the more privileged of the two (%s)",
                    higherPrivilege(go, stay).id(), higherPrivilege(go, stay).raw().get("privilege"));
            default -> factor;
        };
    }

    private static String describe(SodRemediationReasoner.Candidate go, SodRemediationReasoner.Candidate stay, String factor,
                                   String sentence) {
        SodRemediationReasoner.Candidate holder = go.features().get(factor) > 0 ? go : stay;
        return holder.id() + " " + sentence;
    }

    private static String dormancy(SodRemediationReasoner.Candidate go, SodRemediationReasoner.Candidate stay) {
        Object days = go.raw().get("days_since_use");
        String usage = days == null ? "has never been used" : "was last used " + ((Number) days).longValue() + " days ago";
        Object otherDays = stay.raw().get("days_since_use");
        String other = otherDays == null ? "never" : ((Number) otherDays).longValue() + " days ago";
        return go.id() + " " + usage + " (" + stay.id() + ": " + other + ")";
    }

    private static SodRemediationReasoner.Candidate higherPrivilege(SodRemediationReasoner.Candidate go, SodRemediationReasoner.Candidate stay) {
        return go.features().get("privilege") >= stay.features().get("privilege") ? go : stay;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
