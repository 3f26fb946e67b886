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
        System.out.println("Countersign demo: synthetic bank, seed " + r.seed());
        System.out.printf(Locale.ROOT, "  directory     %,d identities, %,d accounts, %,d applications, %,d entitlements, %,d assignments, %,d past requests%n",
                r.identities(), r.accounts(), r.applications(), r.entitlements(), r.assignments(), r.pastRequests());
        System.out.printf(Locale.ROOT, "  SoD review    %d violations found; %d new findings, each a ledgered recommendation; %d already under review%n",
                r.sodViolations(), r.findingsRaised(), r.findingsAlreadyOpen());
        Map<String, Object> a = r.approval();
        if (a.containsKey("approvalId")) {
            System.out.printf("  approval      %s (%s) approved by %s via the API: finding %s is %s%n", a.get("approvalId"), a.get("routedTo"),
                    a.get("approvedBy"), a.get("findingId"), a.get("findingStatus"));
            System.out.printf("                %s%n", a.get("findingDetail"));
            System.out.printf("                explain it: bin/countersign explain %s%n", a.get("recommendationSeq"));
        } else {
            System.out.println("  approval      " + a.get("note"));
        }
        Map<String, Object> s = r.scopeRefusal();
        System.out.printf("  scope guard   %s asked to %s: %s (ledger #%s)%n", s.get("agent"), ((Map<?, ?>) s.get("write")).get("operation")
                + " " + ((Map<?, ?>) s.get("write")).get("group"), s.get("reason"), s.get("ledgerSeq"));
        System.out.printf("  approvals     %d pending for desk heads and the chief compliance officer (bin/countersign approvals list)%n", r.approvalsPending());
        System.out.printf("  ledger        %d entries, %s, head %s%n", r.ledgerEntries(), r.ledgerVerified() ? "verified intact" : "BROKEN",
                r.ledgerHead().substring(0, 16) + "…");
        System.out.printf(Locale.ROOT, "  time          %.1f s (start-up %.1f s, generate %.1f s, load %.1f s, review %.1f s)%n",
                (startupMillis + r.timingsMillis().get("total")) / 1000.0, startupMillis / 1000.0, r.timingsMillis().get("generate") / 1000.0,
                r.timingsMillis().get("load") / 1000.0, r.timingsMillis().get("review") / 1000.0);
        System.out.println("  summary       " + summaryFile.toAbsolutePath());
    }
}
