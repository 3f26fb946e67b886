package io.countersign.simulator;

import static io.countersign.simulator.TestBanks.DEFAULT;
import static io.countersign.simulator.TestBanks.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.countersign.directory.Account;
import io.countersign.directory.AccountId;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.Application;
import io.countersign.directory.ApplicationId;
import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.Entitlement;
import io.countersign.directory.EntitlementId;
import io.countersign.directory.GroupId;
import io.countersign.directory.GroupMembership;
import io.countersign.directory.HrRecord;
import io.countersign.directory.Identity;
import io.countersign.directory.IdentityId;
import io.countersign.directory.IdentityKind;
import io.countersign.directory.IdentityStatus;
import org.junit.jupiter.api.Test;

class SyntheticDirectoryTests {

    private static final List<String> DESKS = List.of("Cash Equities", "Equity Derivatives", "Prime Services", "Rates",
            "Credit", "FX", "Settlements", "Payments", "Trade Confirmations", "Market Risk", "Credit Risk",
            "Surveillance", "KYC & Onboarding", "Regulatory Reporting", "Infrastructure", "Security Engineering",
            "Application Development", "Service Desk", "Private Banking", "Advisory");

    private final DirectorySnapshot snapshot = DEFAULT.snapshot();
    private final Map<IdentityId, Identity> identities = snapshot.identities().stream()
            .collect(Collectors.toMap(Identity::id, Function.identity()));
    private final Map<IdentityId, HrRecord> hr = snapshot.hrRecords().stream()
            .collect(Collectors.toMap(HrRecord::identityId, Function.identity()));
    private final Map<AccountId, Account> accounts = snapshot.accounts().stream()
            .collect(Collectors.toMap(Account::id, Function.identity()));
    private final Map<EntitlementId, Entitlement> entitlements = TestBanks.entitlements(snapshot);
    private final Map<ApplicationId, Application> applications = snapshot.applications().stream()
            .collect(Collectors.toMap(Application::id, Function.identity()));
    private final Set<GroupId> groups = snapshot.groups().stream().map(g -> g.id()).collect(Collectors.toSet());

    @Test
    void idsAndNaturalKeysAreUnique() {
        assertThat(identities).hasSameSizeAs(snapshot.identities());
        assertThat(hr).hasSameSizeAs(snapshot.identities()).containsOnlyKeys(identities.keySet());
        assertThat(accounts).hasSameSizeAs(snapshot.accounts());
        assertThat(entitlements).hasSameSizeAs(snapshot.entitlements());
        assertThat(snapshot.identities().stream().map(Identity::employeeId).filter(e -> e != null).toList()).doesNotHaveDuplicates();
        assertThat(snapshot.identities().stream().map(Identity::email).filter(e -> e != null).toList()).doesNotHaveDuplicates();
        assertThat(snapshot.accounts().stream().map(a -> a.platform() + "/" + a.login()).toList()).doesNotHaveDuplicates();
        assertThat(snapshot.applications().stream().map(Application::name).toList()).doesNotHaveDuplicates();
        assertThat(snapshot.entitlements().stream().map(Entitlement::key).toList()).doesNotHaveDuplicates();
        assertThat(snapshot.groups().stream().map(g -> g.platform() + "/" + g.name()).toList()).doesNotHaveDuplicates();
        assertThat(snapshot.roleBundles().stream().map(b -> b.name()).toList()).doesNotHaveDuplicates();
        assertThat(snapshot.assignments().stream().map(a -> a.identityId() + "/" + a.entitlementId()).toList()).doesNotHaveDuplicates();
        assertThat(snapshot.memberships()).doesNotHaveDuplicates();
    }

    @Test
    void idsFollowTheBanksFormats() {
        assertThat(snapshot.identities()).allSatisfy(identity -> {
            assertThat(identity.id().value()).matches("idn-\\d{5}");
            if (identity.kind() != IdentityKind.SERVICE) {
                assertThat(identity.employeeId()).matches("E\\d{7}");
                assertThat(identity.email()).endsWith("@bank.example");
            }
        });
        assertThat(snapshot.accounts()).filteredOn(a -> a.platform().equals("okta"))
                .allSatisfy(account -> assertThat(account.login()).endsWith("@bank.example"));
        assertThat(snapshot.groups()).extracting(g -> g.name()).contains("GRP-MUREX-EXECUTE-TRADE", "Domain Admins");
    }

    @Test
    void everyReferenceResolves() {
        assertThat(snapshot.hrRecords()).allSatisfy(record ->
                assertThat(record.managerId() == null || identities.containsKey(record.managerId())).isTrue());
        assertThat(snapshot.accounts()).allSatisfy(account ->
                assertThat(account.orphan() || identities.containsKey(account.identityId())).isTrue());
        assertThat(snapshot.applications()).allSatisfy(application ->
                assertThat(identities).containsKey(new IdentityId(application.owner())));
        assertThat(snapshot.entitlements()).allSatisfy(entitlement -> {
            assertThat(applications).containsKey(entitlement.applicationId());
            assertThat(entitlement.groupId() == null || groups.contains(entitlement.groupId())).isTrue();
        });
        assertThat(snapshot.memberships()).allSatisfy(membership -> {
            assertThat(groups).contains(membership.groupId());
            assertThat(accounts).containsKey(membership.accountId());
        });
        assertThat(snapshot.roleBundles()).allSatisfy(bundle ->
                assertThat(entitlements.keySet()).containsAll(bundle.entitlements()));
        assertThat(snapshot.requestHistory()).allSatisfy(request -> {
            assertThat(identities).containsKeys(request.requesterId(), new IdentityId(request.decidedBy()),
                    new IdentityId(request.managerId()));
            assertThat(entitlements).containsKey(request.entitlementId());
            assertThat(request.decidedBy()).isNotEqualTo(request.requesterId().value());
        });
    }

    @Test
    void everyAssignmentIsHeldThroughItsOwnersAccountOnTheEntitlementsPlatform() {
        assertThat(snapshot.assignments()).allSatisfy(assignment -> {
            Entitlement entitlement = entitlements.get(assignment.entitlementId());
            Account account = accounts.get(assignment.accountId());
            assertThat(identities).containsKey(assignment.identityId());
            assertThat(account.identityId()).isEqualTo(assignment.identityId());
            assertThat(account.platform()).isEqualTo(applications.get(entitlement.applicationId()).platform());
        });
    }

    @Test
    void groupBasedAccessIsHeldByMembershipAndNothingElseIs() {
        Set<GroupMembership> expected = new HashSet<>();
        snapshot.assignments().forEach(assignment -> {
            GroupId group = entitlements.get(assignment.entitlementId()).groupId();
            if (group != null) {
                expected.add(new GroupMembership(group, assignment.accountId()));
            }
        });
        Set<GroupMembership> owned = snapshot.memberships().stream()
                .filter(m -> !accounts.get(m.accountId()).orphan()).collect(Collectors.toSet());

        assertThat(owned).isEqualTo(expected);
    }

    @Test
    void managerTreeHasOneRootAndNoCycles() {
        List<HrRecord> roots = snapshot.hrRecords().stream().filter(r -> r.managerId() == null).toList();

        assertThat(roots).singleElement().satisfies(root -> assertThat(root.title()).isEqualTo("Chief Executive Officer"));
        for (HrRecord record : snapshot.hrRecords()) {
            Set<IdentityId> seen = new HashSet<>();
            for (HrRecord at = record; at.managerId() != null; at = hr.get(at.managerId())) {
                assertThat(seen.add(at.identityId())).as("cycle through %s", at.identityId()).isTrue();
            }
        }
    }

    @Test
    void hasOneChiefComplianceOfficer() {
        assertThat(snapshot.hrRecords()).filteredOn(r -> r.title().equals("Chief Compliance Officer"))
                .singleElement().satisfies(cco -> assertThat(cco.department()).isEqualTo("Compliance"));
    }

    @Test
    void everyDeskHasOneHeadReportingToTheDivisionHead() {
        Set<IdentityId> divisionHeads = snapshot.hrRecords().stream()
                .filter(r -> r.managerId() != null && hr.get(r.managerId()).managerId() == null)
                .map(HrRecord::identityId).collect(Collectors.toSet());

        for (String desk : DESKS) {
            assertThat(snapshot.hrRecords()).as(desk).filteredOn(r -> r.title().equals("Head of " + desk))
                    .singleElement().satisfies(head -> {
                        assertThat(head.desk()).isEqualTo(desk);
                        assertThat(divisionHeads).contains(head.managerId());
                        assertThat(hr.get(head.managerId()).department()).isEqualTo(head.department());
                    });
        }
        assertThat(snapshot.hrRecords()).filteredOn(r -> r.title().startsWith("Head of "))
                .extracting(HrRecord::desk).containsExactlyInAnyOrderElementsOf(DESKS);
    }

    @Test
    void everythingHappenedBeforeAsOf() {
        assertThat(snapshot.hrRecords()).allSatisfy(r -> assertThat(r.hireDate()).isBefore(TestBanks.AS_OF));
        assertThat(snapshot.accounts()).allSatisfy(account -> {
            assertThat(account.createdAt()).isBefore(NOW);
            assertThat(account.lastLoginAt() == null || !account.lastLoginAt().isBefore(account.createdAt())).isTrue();
            assertThat(account.lastLoginAt() == null || account.lastLoginAt().isBefore(NOW)).isTrue();
        });
        assertThat(snapshot.assignments()).allSatisfy(assignment -> {
            assertThat(assignment.grantedAt()).isBefore(NOW);
            assertThat(assignment.lastUsedAt() == null || !assignment.lastUsedAt().isBefore(assignment.grantedAt())).isTrue();
            assertThat(assignment.lastUsedAt() == null || assignment.lastUsedAt().isBefore(NOW)).isTrue();
        });
        assertThat(snapshot.requestHistory()).allSatisfy(request -> {
            assertThat(request.requestedAt()).isAfterOrEqualTo(NOW.minus(Duration.ofDays(180)));
            assertThat(request.decidedAt()).isAfter(request.requestedAt()).isBefore(NOW);
        });
    }

    @Test
    void activePeopleHaveAccountsAndOffboardedLeaversOnlyDisabledOnes() {
        Map<IdentityId, List<Account>> byOwner = snapshot.accounts().stream().filter(a -> !a.orphan())
                .collect(Collectors.groupingBy(Account::identityId));

        assertThat(snapshot.identities()).filteredOn(i -> i.status() == IdentityStatus.ACTIVE)
                .allSatisfy(identity -> assertThat(byOwner.get(identity.id())).isNotEmpty());
        assertThat(snapshot.identities())
                .filteredOn(i -> i.status() == IdentityStatus.TERMINATED
                        && !DEFAULT.planted().terminatedWithActiveAccounts().contains(i.id()))
                .allSatisfy(identity -> assertThat(byOwner.get(identity.id()))
                        .allSatisfy(account -> assertThat(account.status()).isEqualTo(AccountStatus.DISABLED)));
    }
}
