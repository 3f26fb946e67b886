package io.countersign.simulator.internal;

import java.util.List;

/**
 * How common each entitlement is among the current holders of each role (same title on the same desk),
 * counting people who are at work or on leave.
 */
final class PeerTable {

    private final int[][] holders;
    private final int[] sizes;

    private PeerTable(int[][] holders, int[] sizes) {
        this.holders = holders;
        this.sizes = sizes;
    }

    static PeerTable of(List<Person> everyone, int roles, int entitlements) {
        int[][] holders = new int[roles][entitlements];
        int[] sizes = new int[roles];
        for (Person person : everyone) {
            if (person.service() || person.terminated()) {
                continue;
            }
            sizes[person.role.index()]++;
            int[] counts = holders[person.role.index()];
            person.held.stream().forEach(entitlement -> counts[entitlement]++);
        }
        return new PeerTable(holders, sizes);
    }

    /** The share of the role's holders who hold the entitlement, 0 for a role nobody holds. */
    double prevalence(Role role, int entitlement) {
        int size = sizes[role.index()];
        return size == 0 ? 0 : (double) holders[role.index()][entitlement] / size;
    }
}
