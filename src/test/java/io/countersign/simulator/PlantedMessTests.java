package io.countersign.simulator;

import static io.countersign.simulator.TestBanks.AS_OF;
import static io.countersign.simulator.TestBanks.DEFAULT;
import static io.countersign.simulator.TestBanks.GENERATOR;
import static io.countersign.simulator.TestBanks.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.countersign.directory.Account;
import io.countersign.directory.AccountId;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.Assignment;
import io.countersign.directory.AssignmentSource;
import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.Entitlement;
import io.countersign.directory.EntitlementId;
import io.countersign.directory.HrRecord;
import io.countersign.directory.IdentityId;
import io.countersign.directory.IdentityKind;
import io.countersign.directory.IdentityStatus;
import io.countersign.directory.RoleBundle;
import org.junit.jupiter.api.Test;

class PlantedMessTests {

    private final DirectorySnapshot snapshot = DEFAULT.snapshot();
    private final PlantedMess planted = DEFAULT.planted();

    @Test
    void separationOfDutiesViolationsAreExactlyThePlantedOnes() {
        assertThat(violations(snapshot)).isEqualTo(Set.copyOf(planted.sodViolations()));
        assertThat(planted.sodViolations()).doesNotHaveDuplicates();
    }

    @Test
    void plantsAboutHalfAPercentOfHeadcountAsViolationsOverSeveralRules() {
        Set<IdentityId> violators = planted.sodViolations().stream().map(SodViolation::identityId).collect(Collectors.toSet());
        Set<String> rules = planted.sodViolations().stream().map(SodViolation::ruleId).collect(Collectors.toSet());

        assertThat(violators).hasSizeBetween(8, 12);
        assertThat(rules).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void plantsViolationsMostlyAsMoversLeftoversAndSomeAsDirectGrants() {
        Map<EntitlementId, Entitlement> entitlements = TestBanks.entitlements(snapshot);
        Set<String> governed = TestBanks.SOD_RULES.stream()
                .flatMap(rule -> Stream.concat(rule.left().stream(), rule.right().stream()))
                .collect(Collectors.toSet());
        Set<IdentityId> violators = planted.sodViolations().stream().map(SodViolation::identityId).collect(Collectors.toSet());
        Map<AssignmentSource, Long> sources = snapshot.assignments().stream()
                .filter(a -> violators.contains(a.identityId()))
                .filter(a -> governed.contains(entitlements.get(a.entitlementId()).key()))
                .filter(a -> a.source() == AssignmentSource.PRIOR_ROLE || a.source() == AssignmentSource.DIRECT)
                .collect(Collectors.groupingBy(Assignment::source, Collectors.counting()));

        assertThat(sources.get(AssignmentSource.PRIOR_ROLE)).isGreaterThan(sources.get(AssignmentSource.DIRECT));
        assertThat(sources.get(AssignmentSource.DIRECT)).isPositive();
        assertThat(sources.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(violators.size());
    }

    @Test
    void smallestBankStillPlantsViolationsOverMoreThanOneRule() {
        GeneratedBank small = GENERATOR.generate(new BankSpec(42, 50, 30, AS_OF));
        Set<String> rules = small.planted().sodViolations().stream().map(SodViolation::ruleId).collect(Collectors.toSet());

        assertThat(small.planted().sodViolations().stream().map(SodViolation::identityId).distinct()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(rules).hasSizeGreaterThanOrEqualTo(2);
        assertThat(violations(small.snapshot())).isEqualTo(Set.copyOf(small.planted().sodViolations()));
    }

    @Test
    void roleBundlesNeverHoldBothSidesOfARule() {
        Map<EntitlementId, Entitlement> entitlements = TestBanks.entitlements(snapshot);
        for (RoleBundle bundle : snapshot.roleBundles()) {
            Set<String> keys = bundle.entitlements().stream().map(id -> entitlements.get(id).key()).collect(Collectors.toSet());
            assertThat(TestBanks.violations(new IdentityId("bundle"), keys)).as(bundle.name()).isEmpty();
        }
    }

    @Test
    void privilegedAccessStaysWithAFewPeople() {
        Map<String, Long> holders = holdersByKey(snapshot);

        assertThat(holders.get("Active Directory:Domain Admins")).isBetween(1L, 6L);
        assertThat(holders.get("Splunk:ADMIN")).isBetween(1L, 4L);
        assertThat(holders.get("SWIFT Alliance:APPROVE_PAYMENT")).isBetween(2L, 12L);
        assertThat(holders.get("Murex:EXECUTE_TRADE")).isGreaterThan(100L);
    }

    @Test
    void dormantAssignmentsAreExactlyThoseUnusedForNinetyDays() {
        Instant cutoff = NOW.minus(Duration.ofDays(PlantedMess.DORMANT_AFTER_DAYS));
        List<AssignmentKey> unused = snapshot.assignments().stream()
                .filter(a -> a.lastUsedAt() == null || a.lastUsedAt().isBefore(cutoff))
                .map(a -> new AssignmentKey(a.identityId(), a.entitlementId())).toList();

        assertThat(planted.dormantAssignments()).isEqualTo(unused);
        assertThat((double) unused.size() / snapshot.assignments().size()).isBetween(0.04, 0.06);
        assertThat(snapshot.assignments()).anyMatch(a -> a.lastUsedAt() == null);
    }

    @Test
    void moversLeftoversAreExactlyThePriorRoleAssignments() {
        List<AssignmentKey> leftovers = snapshot.assignments().stream()
                .filter(a -> a.source() == AssignmentSource.PRIOR_ROLE)
                .map(a -> new AssignmentKey(a.identityId(), a.entitlementId())).toList();
        long movers = leftovers.stream().map(AssignmentKey::identityId).distinct().count();

        assertThat(planted.priorRoleLeftovers()).isEqualTo(leftovers);
        assertThat(movers).isBetween(50L, 80L);
    }

    @Test
    void orphanAccountsAreExactlyTheUnownedOnes() {
        List<AccountId> orphans = snapshot.accounts().stream().filter(Account::orphan)
                .map(Account::id).toList();

        assertThat(planted.orphanAccounts()).isEqualTo(orphans).hasSizeBetween(24, 48);
    }

    @Test
    void terminatedPeopleWithActiveAccountsAreExactlyThePlantedOnes() {
        Set<IdentityId> terminated = snapshot.identities().stream().filter(i -> i.status() == IdentityStatus.TERMINATED)
                .map(i -> i.id()).collect(Collectors.toSet());
        List<IdentityId> withActiveAccounts = snapshot.identities().stream().map(i -> i.id())
                .filter(terminated::contains)
                .filter(id -> snapshot.accounts().stream()
                        .anyMatch(a -> id.equals(a.identityId()) && a.status() == AccountStatus.ACTIVE))
                .toList();

        assertThat(planted.terminatedWithActiveAccounts()).isEqualTo(withActiveAccounts).hasSizeBetween(3, 10);
        assertThat(terminated).hasSizeGreaterThan(withActiveAccounts.size() * 5);
    }

    @Test
    void expiredContractorsStillActiveAreExactlyThePlantedOnes() {
        List<IdentityId> expired = snapshot.hrRecords().stream()
                .filter(r -> r.employmentType() == IdentityKind.CONTRACTOR && r.status() == IdentityStatus.ACTIVE)
                .filter(r -> r.pastEndDate(AS_OF)).map(HrRecord::identityId).toList();

        assertThat(planted.expiredContractorsActive()).isEqualTo(expired).hasSizeBetween(3, 10);
        assertThat(snapshot.hrRecords()).filteredOn(r -> r.employmentType() == IdentityKind.CONTRACTOR)
                .allSatisfy(contractor -> assertThat(contractor.endDate()).isNotNull());
    }

    private static Set<SodViolation> violations(DirectorySnapshot snapshot) {
        Set<SodViolation> violations = new HashSet<>();
        TestBanks.heldKeys(snapshot).forEach((identity, keys) -> violations.addAll(TestBanks.violations(identity, keys)));
        return violations;
    }

    private static Map<String, Long> holdersByKey(DirectorySnapshot snapshot) {
        Map<EntitlementId, Entitlement> entitlements = TestBanks.entitlements(snapshot);
        return snapshot.assignments().stream()
                .collect(Collectors.groupingBy(a -> entitlements.get(a.entitlementId()).key(), Collectors.counting()));
    }
}
