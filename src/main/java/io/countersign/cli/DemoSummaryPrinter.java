package io.countersign.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import io.countersign.demo.DemoReport;

/** The demo's summary for a person. */
final class DemoSummaryPrinter {

    private DemoSummaryPrinter() {
    }

    static void print(DemoReport r, long startupMillis, Path summaryFile) {
        System.out.println();
        System.out.println("Countersign demo: synthetic bank, seed " + r.seed() + "; platforms' stand-ins at " + r.standIns());
        System.out.printf(Locale.ROOT, "  directory     %,d identities, %,d accounts, %,d applications, %,d entitlements, %,d assignments, %,d past requests%n",
                r.identities(), r.accounts(), r.applications(), r.entitlements(), r.assignments(), r.pastRequests());
        r.sync().forEach((platform, value) -> {
            Map<?, ?> s = (Map<?, ?>) value;
            System.out.printf(Locale.ROOT, "  sync %-8s %,d users, %,d groups, %,d memberships over HTTP; drift %s; %s users/s%n", platform,
                    s.get("users"), s.get("groups"), s.get("memberships"), s.get("drift"), s.get("usersPerSecond"));
        });
        r.events().forEach((feed, value) -> {
            Map<?, ?> e = (Map<?, ?>) value;
            System.out.printf(Locale.ROOT, "  feed %-22s %,d events read, %,d new; %s events/s%n", feed, e.get("read"), e.get("stored"),
                    e.get("eventsPerSecond"));
        });
        System.out.printf(Locale.ROOT, "  SoD review    %d violations; %d new findings, each a ledgered recommendation and a Jira ticket; %d already under review%n",
                r.sodViolations(), r.findingsRaised(), r.findingsAlreadyOpen());
        printApproval(r.approval());
        Map<String, Object> s = r.scopeRefusal();
        Map<?, ?> write = (Map<?, ?>) s.get("write");
        System.out.printf("  scope guard   %s asked to %s %s: %s (ledger #%s)%n", s.get("agent"), write.get("operation"), write.get("group"),
                s.get("reason"), s.get("ledgerSeq"));
        printRequests(r.requests());
        Map<String, Object> d = r.delivered();
        System.out.printf("  delivered     %s Jira tickets; %s OCSF documents to the file and %s to Splunk HEC%n", d.get("jiraTickets"),
                d.get("ocsfFileDocuments"), d.get("hecDocuments"));
        Map<String, Object> dep = r.deprovisioning();
        System.out.printf("  lifecycle     hire %s; leavers %s: p50 %s ms, p99 %s ms, max %s ms, %s accounts disabled%n",
                r.lifecycle().getOrDefault("joinerStatus", r.lifecycle().get("note")), dep.get("leavers"), dep.get("p50_ms"), dep.get("p99_ms"),
                dep.get("max_ms"), dep.get("accounts_disabled"));
        System.out.printf("  approvals     %d pending for desk heads and the chief compliance officer (bin/countersign approvals list)%n", r.approvalsPending());
        System.out.printf("  ledger        %d entries, %s, head %s%n", r.ledgerEntries(), r.ledgerVerified() ? "verified intact" : "BROKEN",
                r.ledgerHead().substring(0, 16) + "…");
        System.out.printf(Locale.ROOT, "  time          %.1f s (start-up %.1f s, bank %.1f s, platforms %.1f s, review %.1f s, approval %.1f s,"
                        + " joiner/mover/leaver %.1f s, requests %.1f s)%n",
                (startupMillis + r.timingsMillis().get("total")) / 1000.0, startupMillis / 1000.0, seconds(r, "generateAndLoad"),
                seconds(r, "platforms"), seconds(r, "review"), seconds(r, "approve"), seconds(r, "lifecycle"), seconds(r, "requests"));
        System.out.println("  summary       " + summaryFile.toAbsolutePath());
    }

    private static void printRequests(Map<String, Object> q) {
        Map<?, ?> m = (Map<?, ?>) q.get("model");
        System.out.printf(Locale.ROOT, "  requests      %s submitted over the API: %s auto-approved, %s to desk heads, %s to the CCO, %s blocked (SoD),"
                + " %s refused by scope%n", q.get("submitted"), q.get("auto_approved"), q.get("routed_desk_head"), q.get("routed_compliance"),
                q.get("blocked_sod"), q.get("refused_scope"));
        System.out.printf(Locale.ROOT, "  model         %s %s on %s requests in %.1f s; held out %s: logloss %.4f, AUC %.4f%n", m.get("id"),
                m.get("version"), m.get("rows_train"), ((Number) m.get("train_seconds")).doubleValue(), m.get("rows_holdout"),
                number(m.get("holdout_logloss")), number(m.get("holdout_auc")));
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static void printApproval(Map<String, Object> a) {
        if (!a.containsKey("approvalId")) {
            System.out.println("  approval      " + a.get("note"));
            return;
        }
        System.out.printf("  approval      %s (%s) approved by %s via the API; removed on %s: finding %s is %s%s%n", a.get("approvalId"),
                a.get("routedTo"), a.get("approvedBy"), a.get("platform"), a.get("findingId"), a.get("findingStatus"),
                a.containsKey("ticket") ? "; ticket " + a.get("ticket") : "");
        System.out.printf("                %s%n", a.get("findingDetail"));
        System.out.printf("                explain it: bin/countersign explain %s%n", a.get("recommendationSeq"));
    }

    private static double seconds(DemoReport r, String step) {
        return r.timingsMillis().getOrDefault(step, 0L) / 1000.0;
    }
}
