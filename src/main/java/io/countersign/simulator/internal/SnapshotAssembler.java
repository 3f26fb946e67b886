package io.countersign.simulator.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.countersign.directory.Account;
import io.countersign.directory.AccountId;
import io.countersign.directory.Application;
import io.countersign.directory.Assignment;
import io.countersign.directory.AssignmentSource;
import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.Entitlement;
import io.countersign.directory.EntitlementId;
import io.countersign.directory.Group;
import io.countersign.directory.GroupId;
import io.countersign.directory.GroupMembership;
import io.countersign.directory.HrRecord;
import io.countersign.directory.Identity;
import io.countersign.directory.IdentityId;
import io.countersign.directory.PastAccessRequest;
import io.countersign.directory.RoleBundle;
import io.countersign.simulator.AssignmentKey;
import io.countersign.simulator.BankSpec;
import io.countersign.simulator.GeneratedBank;
import io.countersign.simulator.PlantedMess;
import io.countersign.simulator.SodViolation;

/** Turns the generated people, accounts and history into the directory's records and the planted list. */
final class SnapshotAssembler {

    private final Catalogue catalogue;
    private final Workforce workforce;
    private final EntitlementId[] entitlementIds;
    private final GroupId[] groupIds;

    SnapshotAssembler(Catalogue catalogue, Workforce workforce) {
        this.catalogue = catalogue;
        this.workforce = workforce;
        List<EntitlementDef> entitlements = catalogue.entitlements();
        this.entitlementIds = new EntitlementId[entitlements.size()];
        this.groupIds = new GroupId[entitlements.size()];
        int groups = 0;
        for (EntitlementDef entitlement : entitlements) {
            entitlementIds[entitlement.index()] = SnapshotIds.entitlement(entitlement.index());
            groupIds[entitlement.index()] = entitlement.grouped() ? SnapshotIds.group(++groups) : null;
        }
    }

    GeneratedBank assemble(BankSpec spec, List<Person> everyone, List<AccountDraft> orphans,
                           List<PastAccessRequest> history) {
        List<AccountDraft> accounts = numberedAccounts(everyone, orphans);
        DirectorySnapshot snapshot = new DirectorySnapshot(spec.source(),
                everyone.stream().map(SnapshotAssembler::identity).toList(),
                everyone.stream().map(SnapshotAssembler::hrRecord).toList(),
                applications(), groups(), entitlements(),
                accounts.stream().map(SnapshotAssembler::account).toList(), memberships(accounts), roleBundles(),
                assignments(everyone), history);
        return new GeneratedBank(snapshot, planted(everyone, accounts));
    }

    /** Every account, ordered by platform and login and numbered in that order. */
    private static List<AccountDraft> numberedAccounts(List<Person> everyone, List<AccountDraft> orphans) {
        List<AccountDraft> accounts = new ArrayList<>(orphans);
        for (Person person : everyone) {
            Arrays.stream(person.accounts).filter(a -> a != null).forEach(accounts::add);
        }
        accounts.sort(Comparator.comparing((AccountDraft a) -> a.platform).thenComparing(a -> a.login));
        for (int i = 0; i < accounts.size(); i++) {
            accounts.get(i).id = new AccountId(SnapshotIds.padded("acc-", i + 1, 6));
        }
        return accounts;
    }

    private static Identity identity(Person person) {
        return new Identity(person.id, person.employeeId, person.displayName(), person.email, person.kind, person.status);
    }

    private static HrRecord hrRecord(Person person) {
        Role role = person.role;
        IdentityId manager = person.manager == null ? null : person.manager.id;
        return new HrRecord(person.id, role.title(), role.department(), role.desk(), role.costCentre(), person.location,
                manager, person.kind, person.hireDate, person.endDate, person.status);
    }

    private static Account account(AccountDraft draft) {
        IdentityId owner = draft.owner == null ? null : draft.owner.id;
        return new Account(draft.id, owner, draft.platform.id, draft.login, draft.status, draft.createdAt,
                draft.lastLoginAt);
    }

    private List<Application> applications() {
        return catalogue.applications().stream().map(application -> {
            Person owner = workforce.headOf(catalogue.organisation().unit(application.owner()).index());
            return new Application(SnapshotIds.application(application.index()), application.name(),
                    application.platform().id, owner.id.value(), application.sensitivity());
        }).toList();
    }

    private List<Group> groups() {
        return catalogue.entitlements().stream().filter(EntitlementDef::grouped)
                .map(e -> new Group(groupIds[e.index()], e.platform().id, e.groupName(),
                        e.application().name() + ": " + e.description()))
                .toList();
    }

    private List<Entitlement> entitlements() {
        return catalogue.entitlements().stream()
                .map(e -> new Entitlement(entitlementIds[e.index()],
                        SnapshotIds.application(e.application().index()), e.application().name(), e.permission(),
                        e.privilege(), e.sensitivity(), e.description(), groupIds[e.index()]))
                .toList();
    }

    private List<GroupMembership> memberships(List<AccountDraft> accounts) {
        List<GroupMembership> memberships = new ArrayList<>();
        for (AccountDraft account : accounts) {
            account.groups.stream().sorted()
                    .forEach(entitlement -> memberships.add(new GroupMembership(groupIds[entitlement], account.id)));
        }
        return memberships;
    }

    private List<RoleBundle> roleBundles() {
        return catalogue.organisation().roles().stream()
                .map(role -> new RoleBundle(SnapshotIds.roleBundle(role.index()), role.desk() + " / " + role.title(),
                        role.title(), role.department(), role.desk(),
                        Arrays.stream(role.bundle()).mapToObj(e -> entitlementIds[e]).toList()))
                .toList();
    }

    private List<Assignment> assignments(List<Person> everyone) {
        List<Assignment> assignments = new ArrayList<>();
        for (Person person : everyone) {
            for (Grant grant : person.grants) {
                assignments.add(new Assignment(person.id, entitlementIds[grant.entitlement], grant.account.id,
                        grant.grantedAt, grant.grantedBy, grant.lastUsedAt, grant.source));
            }
        }
        return assignments;
    }

    private PlantedMess planted(List<Person> everyone, List<AccountDraft> accounts) {
        List<SodViolation> violations = new ArrayList<>();
        List<AssignmentKey> dormant = new ArrayList<>();
        List<AssignmentKey> leftovers = new ArrayList<>();
        for (Person person : everyone) {
            if (person.plantedEntitlement >= 0) {
                catalogue.sod().breaches(person.held).forEach(breach -> violations.add(new SodViolation(person.id,
                        breach.rule().id(), key(breach.left()), key(breach.right()))));
            }
            for (Grant grant : person.grants) {
                AssignmentKey key = new AssignmentKey(person.id, entitlementIds[grant.entitlement]);
                if (grant.dormant) {
                    dormant.add(key);
                }
                if (grant.source == AssignmentSource.PRIOR_ROLE) {
                    leftovers.add(key);
                }
            }
        }
        List<AccountId> orphans = accounts.stream().filter(a -> a.owner == null).map(a -> a.id).toList();
        List<IdentityId> leftWithAccess = everyone.stream().filter(p -> p.leftWithAccess).map(p -> p.id).toList();
        List<IdentityId> lapsed = everyone.stream().filter(p -> p.contractLapsed).map(p -> p.id).toList();
        return new PlantedMess(violations, dormant, leftovers, orphans, leftWithAccess, lapsed);
    }

    private String key(int entitlement) {
        return catalogue.entitlement(entitlement).key();
    }
}
