package io.countersign.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.countersign.directory.Account;
import io.countersign.directory.AccountId;
import io.countersign.directory.AccountStatus;
import io.countersign.directory.Application;
import io.countersign.directory.ApplicationId;
import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.Entitlement;
import io.countersign.directory.EntitlementId;
import io.countersign.directory.Group;
import io.countersign.directory.GroupId;
import io.countersign.directory.HrRecord;
import io.countersign.directory.IdentityId;
import io.countersign.directory.PastAccessRequest;
import io.countersign.directory.PrivilegeLevel;
import io.countersign.directory.RequestOutcome;
import io.countersign.directory.Sensitivity;

/**
 * {@link TestBank} with what access requests need: a few more entitlements, a mainframe account, and a request
 * history the approval model learns from. Traders were always given an Eikon desktop, always refused Bloomberg
 * Anywhere, and usually given Murex AMEND_TRADE; settlements staff were usually given SWIFT CREATE_PAYMENT.
 */
public final class RequestBank {

    public static final String EIKON = "Refinitiv Eikon:EIKON";
    public static final String BLOOMBERG_ANYWHERE = "Bloomberg Terminal:BLOOMBERG_ANYWHERE";
    public static final String AMEND_TRADE = "Murex:AMEND_TRADE";
    public static final String CONFIRM_TRADE = "Murex:CONFIRM_TRADE";
    public static final String SPLUNK_ADMIN = "Splunk:ADMIN";
    public static final String MAINFRAME_POSTING = "Core Banking:POST_ENTRY";
    public static final String SOURCE = "test-bank+requests";

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private RequestBank() {
    }

    public static DirectorySnapshot snapshot() {
        DirectorySnapshot bank = TestBank.snapshot();
        List<Application> applications = new ArrayList<>(bank.applications());
        applications.add(new Application(new ApplicationId("app-eikon"), "Refinitiv Eikon", "ad", "owner-eikon", Sensitivity.CONFIDENTIAL));
        applications.add(new Application(new ApplicationId("app-core"), "Core Banking", "local", "owner-core", Sensitivity.CONFIDENTIAL));
        List<Group> groups = new ArrayList<>(bank.groups());
        groups.add(new Group(new GroupId("grp-ent-murex-amend"), "ad", "GRP-MUREX-AMEND", null));
        groups.add(new Group(new GroupId("grp-ent-eikon"), "ad", "GRP-EIKON", null));
        List<Entitlement> entitlements = new ArrayList<>(bank.entitlements());
        entitlements.add(entitlement("ent-eikon", "app-eikon", EIKON, PrivilegeLevel.STANDARD, "grp-ent-eikon"));
        entitlements.add(entitlement("ent-bbg-anywhere", "app-bbg", BLOOMBERG_ANYWHERE, PrivilegeLevel.STANDARD, null));
        entitlements.add(entitlement("ent-murex-amend", "app-murex", AMEND_TRADE, PrivilegeLevel.ELEVATED, "grp-ent-murex-amend"));
        entitlements.add(entitlement("ent-core-post", "app-core", MAINFRAME_POSTING, PrivilegeLevel.STANDARD, null));
        List<Account> accounts = new ArrayList<>(bank.accounts());
        accounts.add(new Account(new AccountId("acc-local-idn-trader-4"), new IdentityId("idn-trader-4"), "local", "TRD0004",
                AccountStatus.ACTIVE, NOW.minus(900, ChronoUnit.DAYS), NOW));
        return new DirectorySnapshot(SOURCE, bank.identities(), bank.hrRecords(), applications, groups, entitlements, accounts,
                bank.memberships(), bank.roleBundles(), bank.assignments(), history(bank.hrRecords()));
    }

    private static List<PastAccessRequest> history(List<HrRecord> people) {
        List<PastAccessRequest> history = new ArrayList<>();
        int n = 0;
        for (int round = 0; round < 12; round++) {
            for (HrRecord person : people) {
                boolean trader = person.title().equals("Equity Trader");
                boolean settlements = person.title().equals("Settlements Specialist");
                if (trader) {
                    history.add(past(++n, person, "ent-eikon", true));
                    history.add(past(++n, person, "ent-bbg-anywhere", false));
                    history.add(past(++n, person, "ent-murex-amend", round % 4 != 0));
                } else if (settlements) {
                    history.add(past(++n, person, "ent-swift-create", round % 5 != 0));
                    history.add(past(++n, person, "ent-eikon", false));
                }
            }
        }
        return history;
    }

    private static PastAccessRequest past(int n, HrRecord hr, String entitlement, boolean approved) {
        Instant at = NOW.minus(400 - n % 300, ChronoUnit.DAYS);
        return new PastAccessRequest("hist-" + n, hr.identityId(), new EntitlementId(entitlement), at, at.plus(1, ChronoUnit.DAYS),
                hr.managerId() == null ? null : hr.managerId().value(), approved ? RequestOutcome.APPROVED : RequestOutcome.DENIED,
                hr.managerId() == null ? null : hr.managerId().value(), hr.department(), hr.desk(), hr.title(), hr.location(), hr.costCentre(),
                hr.employmentType());
    }

    private static Entitlement entitlement(String id, String app, String key, PrivilegeLevel privilege, String group) {
        int colon = key.indexOf(':');
        return new Entitlement(new EntitlementId(id), new ApplicationId(app), key.substring(0, colon), key.substring(colon + 1), privilege,
                Sensitivity.CONFIDENTIAL, key, group == null ? null : new GroupId(group));
    }
}
