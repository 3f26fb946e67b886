package io.countersign.simulator.internal;

import io.countersign.directory.ApplicationId;
import io.countersign.directory.EntitlementId;
import io.countersign.directory.GroupId;
import io.countersign.directory.RoleBundleId;

/**
 * The ids in a snapshot: a prefix and a zero-padded number. Catalogue items are numbered by their position
 * in the catalogue, so their ids are the same for every seed.
 */
final class SnapshotIds {

    private SnapshotIds() {
    }

    static ApplicationId application(int index) {
        return new ApplicationId(padded("app-", index + 1, 3));
    }

    static EntitlementId entitlement(int index) {
        return new EntitlementId(padded("ent-", index + 1, 4));
    }

    static GroupId group(int number) {
        return new GroupId(padded("grp-", number, 4));
    }

    static RoleBundleId roleBundle(int index) {
        return new RoleBundleId(padded("rb-", index + 1, 3));
    }

    /** {@code prefix} and {@code number} padded with zeros to {@code width} digits; wider numbers keep all digits. */
    static String padded(String prefix, long number, int width) {
        String digits = Long.toString(number);
        StringBuilder id = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
        for (int i = digits.length(); i < width; i++) {
            id.append('0');
        }
        return id.append(digits).toString();
    }
}
