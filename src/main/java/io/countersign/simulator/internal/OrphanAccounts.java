package io.countersign.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import io.countersign.directory.AccountStatus;
import io.countersign.directory.PrivilegeLevel;

/**
 * Plants orphan accounts, one per 60 employees and at least a dozen: accounts of people who left before
 * HR feeds were matched, forgotten test and vendor accounts. Most are still enabled, some still in groups,
 * and a few were used recently.
 */
final class OrphanAccounts {

    private static final int EMPLOYEES_PER_ORPHAN = 60;
    private static final int AT_LEAST = 12;
    private static final List<String> ABANDONED = List.of("test.murex", "uat.payments", "training", "temp.audit",
            "ext.infosys", "ext.accenture", "ext.kpmg", "old.admin", "dr.test", "pentest");
    private static final Weighted<Platform> PLATFORMS = Weighted.of(
            List.of(Platform.AD, Platform.OKTA, Platform.ENTRA, Platform.LOCAL), List.of(0.6, 0.15, 0.1, 0.15));
    private static final int MOST_GROUPS = 3;

    private final Catalogue catalogue;
    private final Timeline time;
    private final SplittableRandom random;
    private final List<List<Integer>> groupsByPlatform = new ArrayList<>();

    OrphanAccounts(Catalogue catalogue, Timeline time, SplittableRandom random) {
        this.catalogue = catalogue;
        this.time = time;
        this.random = random;
        BitSet governed = catalogue.sod().governed();
        for (Platform platform : Platform.values()) {
            groupsByPlatform.add(catalogue.entitlements().stream()
                    .filter(e -> e.platform() == platform && e.grouped() && !governed.get(e.index())
                            && e.privilege() != PrivilegeLevel.PRIVILEGED)
                    .map(EntitlementDef::index).toList());
        }
    }

    List<AccountDraft> create(int employees, Naming naming) {
        int count = Math.max(AT_LEAST, (int) Math.round((double) employees / EMPLOYEES_PER_ORPHAN));
        List<AccountDraft> orphans = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Platform platform = PLATFORMS.pick(random);
            Instant created = time.during(time.daysAgo(Draws.days(random, 365, 4000)), random);
            AccountStatus status = random.nextDouble() < 0.85 ? AccountStatus.ACTIVE : AccountStatus.DISABLED;
            AccountDraft orphan = new AccountDraft(null, platform, login(platform, i, naming), status, created);
            orphan.lastLoginAt = lastLogin(created);
            joinGroups(orphan);
            orphans.add(orphan);
        }
        return orphans;
    }

    private String login(Platform platform, int sequence, Naming naming) {
        if (platform == Platform.LOCAL) {
            return "U9%06d".formatted(sequence);
        }
        String login = random.nextDouble() < 0.6
                ? naming.login(pick(catalogue.firstNames()), pick(catalogue.lastNames()))
                : pick(ABANDONED) + "%02d".formatted(sequence);
        return platform == Platform.AD ? login : login + "@" + Naming.DOMAIN;
    }

    /** Never, long ago, or (for the alarming few) in the last month. */
    private Instant lastLogin(Instant created) {
        double draw = random.nextDouble();
        if (draw < 0.45) {
            return null;
        }
        if (draw < 0.85) {
            return time.between(created, time.now.minus(Duration.ofDays(181)), random);
        }
        return time.between(time.now.minus(Duration.ofDays(30)), time.now, random);
    }

    private void joinGroups(AccountDraft orphan) {
        List<Integer> groups = groupsByPlatform.get(orphan.platform.ordinal());
        int count = groups.isEmpty() ? 0 : random.nextInt(MOST_GROUPS + 1);
        for (int entitlement : Draws.shuffled(groups, random).subList(0, count)) {
            orphan.groups.add(entitlement);
        }
    }

    private String pick(List<String> names) {
        return names.get(random.nextInt(names.size()));
    }
}
