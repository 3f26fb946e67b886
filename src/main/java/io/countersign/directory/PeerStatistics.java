package io.countersign.directory;

import java.util.Map;

/**
 * Peer prevalence: for each peer group (department, desk, title) of active people, its size and how many
 * of them hold each entitlement.
 */
public final class PeerStatistics {

    /** A peer group. */
    public record PeerGroup(String department, String desk, String title) {

        public static PeerGroup of(HrRecord hr) {
            return new PeerGroup(hr.department(), hr.desk(), hr.title());
        }
    }

    private final Map<PeerGroup, Integer> sizes;
    private final Map<PeerGroup, Map<EntitlementId, Integer>> holders;

    public PeerStatistics(Map<PeerGroup, Integer> sizes, Map<PeerGroup, Map<EntitlementId, Integer>> holders) {
        this.sizes = Map.copyOf(sizes);
        this.holders = Map.copyOf(holders);
    }

    public int groupSize(PeerGroup group) {
        return sizes.getOrDefault(group, 0);
    }

    /**
     * Share of the group's other members holding {@code entitlement}, leaving out the person asking
     * (who may or may not hold it): {@code 0} when the person has no peers.
     */
    public double shareExcludingSelf(PeerGroup group, EntitlementId entitlement, boolean selfHolds) {
        int others = groupSize(group) - 1;
        if (others <= 0) {
            return 0;
        }
        int holding = holders.getOrDefault(group, Map.of()).getOrDefault(entitlement, 0) - (selfHolds ? 1 : 0);
        return Math.max(0, holding) / (double) others;
    }
}
