package io.countersign.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.countersign.directory.Account;
import io.countersign.directory.AccountId;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.Application;
import io.countersign.directory.ApplicationId;
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
import io.countersign.directory.IdentityKind;
import io.countersign.directory.IdentityStatus;
import io.countersign.directory.PrivilegeLevel;
import io.countersign.directory.Sensitivity;

/**
 * A small bank written by hand, so tests state exactly who holds what. Two known SoD violations:
 * trader 1 kept SWIFT APPROVE_PAYMENT from a settlements role (sod-trade-settle), and the infrastructure
 * engineer holds Domain Admins and Splunk ADMIN (sod-admin-audit). The head of settlements holds SWIFT
 * APPROVE_PAYMENT, so approving anyone's Murex EXECUTE_TRADE would put them in conflict.
 */
public final class TestBank {

    public static final String CCO = "idn-cco";
    public static final String EQUITIES_HEAD = "idn-eq-head";
    public static final String SETTLEMENTS_HEAD = "idn-ops-head";
    public static final String TRADER_WITH_CONFLICT = "idn-trader-1";
    public static final String ENGINEER_WITH_CONFLICT = "idn-infra-1";
    public static final String EXECUTE_TRADE = "ent-murex-execute";
    public static final String APPROVE_PAYMENT = "ent-swift-approve";
    public static final String DOMAIN_ADMINS = "ent-ad-domain-admins";

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final List<Identity> identities = new ArrayList<>();
    private final List<HrRecord> hr = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();
    private final List<GroupMembership> memberships = new ArrayList<>();
    private final List<Assignment> assignments = new ArrayList<>();

    private TestBank() {
    }

    public static DirectorySnapshot snapshot() {
        return new TestBank().build();
    }

    private DirectorySnapshot build() {
        person(CCO, "Chief Compliance Officer", "Compliance", "Office of the CCO", null);
        person(EQUITIES_HEAD, "Head of Cash Equities", "Equities", "Cash Equities", CCO, "ent-bbg-trader");
        person(SETTLEMENTS_HEAD, "Head of Settlements", "Operations", "Settlements", CCO, APPROVE_PAYMENT);
        for (int i = 1; i <= 4; i++) {
            person("idn-trader-" + i, "Equity Trader", "Equities", "Cash Equities", EQUITIES_HEAD, "ent-bbg-trader", EXECUTE_TRADE);
        }
        grant(TRADER_WITH_CONFLICT, APPROVE_PAYMENT, AssignmentSource.PRIOR_ROLE, NOW.minus(200, ChronoUnit.DAYS));
        for (int i = 1; i <= 3; i++) {
            person("idn-settle-" + i, "Settlements Specialist", "Operations", "Settlements", SETTLEMENTS_HEAD, "ent-swift-create", "ent-murex-confirm");
        }
        person("idn-infra-head", "Head of Infrastructure", "Technology", "Infrastructure", CCO);
        person(ENGINEER_WITH_CONFLICT, "Infrastructure Engineer", "Technology", "Infrastructure", "idn-infra-head", DOMAIN_ADMINS);
        grant(ENGINEER_WITH_CONFLICT, "ent-splunk-admin", AssignmentSource.DIRECT, NOW.minus(3, ChronoUnit.DAYS));
        return new DirectorySnapshot("test-bank", identities, hr, applications(), groups(), entitlements(), accounts, memberships,
                List.of(), assignments, List.of());
    }

    private void person(String id, String title, String department, String desk, String manager, String... entitlements) {
        identities.add(new Identity(new IdentityId(id), "E-" + id, title + " " + id, id + "@bank.example", IdentityKind.EMPLOYEE, IdentityStatus.ACTIVE));
        hr.add(new HrRecord(new IdentityId(id), title, department, desk, "CC-" + Math.floorMod(desk.hashCode(), 1000), "New York",
                manager == null ? null : new IdentityId(manager), IdentityKind.EMPLOYEE, LocalDate.of(2020, 1, 6), null, IdentityStatus.ACTIVE));
        accounts.add(new Account(new AccountId("acc-ad-" + id), new IdentityId(id), "ad", id, AccountStatus.ACTIVE, NOW.minus(900, ChronoUnit.DAYS), NOW));
        accounts.add(new Account(new AccountId("acc-okta-" + id), new IdentityId(id), "okta", id + "@bank.example", AccountStatus.ACTIVE,
                NOW.minus(900, ChronoUnit.DAYS), NOW));
        for (String entitlement : entitlements) {
            grant(id, entitlement, AssignmentSource.ROLE_BUNDLE, NOW.minus(2, ChronoUnit.DAYS));
        }
    }

    private void grant(String identity, String entitlement, AssignmentSource source, Instant lastUsed) {
        boolean viaAd = !entitlement.equals("ent-bbg-trader") && !entitlement.equals("ent-splunk-admin");
        String account = (viaAd ? "acc-ad-" : "acc-okta-") + identity;
        if (viaAd) {
            memberships.add(new GroupMembership(new GroupId("grp-" + entitlement), new AccountId(account)));
        }
        assignments.add(new Assignment(new IdentityId(identity), new EntitlementId(entitlement), new AccountId(account),
                NOW.minus(400, ChronoUnit.DAYS), "migration", lastUsed, source));
    }

    private static List<Application> applications() {
        return List.of(app("app-bbg", "Bloomberg Terminal", "okta"), app("app-murex", "Murex", "ad"), app("app-swift", "SWIFT Alliance", "ad"),
                app("app-ad", "Active Directory", "ad"), app("app-splunk", "Splunk", "okta"));
    }

    private static Application app(String id, String name, String platform) {
        return new Application(new ApplicationId(id), name, platform, "owner-" + id, Sensitivity.CONFIDENTIAL);
    }

    private static List<Group> groups() {
        return List.of(EXECUTE_TRADE, "ent-murex-confirm", APPROVE_PAYMENT, "ent-swift-create", DOMAIN_ADMINS).stream()
                .map(e -> new Group(new GroupId("grp-" + e), "ad", "GRP-" + e.substring(4).toUpperCase(), null)).toList();
    }

    private static List<Entitlement> entitlements() {
        return List.of(
                entitlement("ent-bbg-trader", "app-bbg", "Bloomberg Terminal", "TRADER_BPS", PrivilegeLevel.STANDARD, Sensitivity.CONFIDENTIAL, false),
                entitlement(EXECUTE_TRADE, "app-murex", "Murex", "EXECUTE_TRADE", PrivilegeLevel.ELEVATED, Sensitivity.CONFIDENTIAL, true),
                entitlement("ent-murex-confirm", "app-murex", "Murex", "CONFIRM_TRADE", PrivilegeLevel.STANDARD, Sensitivity.CONFIDENTIAL, true),
                entitlement(APPROVE_PAYMENT, "app-swift", "SWIFT Alliance", "APPROVE_PAYMENT", PrivilegeLevel.PRIVILEGED, Sensitivity.RESTRICTED, true),
                entitlement("ent-swift-create", "app-swift", "SWIFT Alliance", "CREATE_PAYMENT", PrivilegeLevel.ELEVATED, Sensitivity.RESTRICTED, true),
                entitlement(DOMAIN_ADMINS, "app-ad", "Active Directory", "Domain Admins", PrivilegeLevel.PRIVILEGED, Sensitivity.RESTRICTED, true),
                entitlement("ent-splunk-admin", "app-splunk", "Splunk", "ADMIN", PrivilegeLevel.PRIVILEGED, Sensitivity.RESTRICTED, false));
    }

    private static Entitlement entitlement(String id, String app, String system, String permission, PrivilegeLevel privilege,
                                           Sensitivity sensitivity, boolean viaGroup) {
        return new Entitlement(new EntitlementId(id), new ApplicationId(app), system, permission, privilege, sensitivity,
                system + " " + permission, viaGroup ? new GroupId("grp-" + id) : null);
    }
}
