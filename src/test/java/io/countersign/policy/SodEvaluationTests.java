package io.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SodEvaluationTests {

    private static final String MATRIX = """
            kind: sod
            id: sod
            version: 3
            rules:
              - id: maker-checker
                name: Create vs approve payments
                severity: high
                sides:
                  - keys: ["SWIFT Alliance:CREATE_PAYMENT"]
                  - keys: ["SWIFT Alliance:APPROVE_PAYMENT", "SWIFT Alliance:RELEASE_PAYMENT"]
                mitigations: [dual_authorisation]
              - id: execute-vs-admin
                name: Any execution right vs Murex administration
                severity: critical
                sides:
                  - match: 'entitlement.system == "Murex" && entitlement.permission.startsWith("EXECUTE")'
                  - keys: ["Murex:ADMIN"]
              - id: front-middle-back
                name: Two of trade, risk and settlement
                severity: medium
                sides:
                  - keys: ["Murex:BOOK_TRADE"]
                  - keys: ["Risk Limits:SET_LIMIT"]
                  - keys: ["Core Banking:SETTLE"]
                min_sides: 2
              - id: employees-only
                name: Desk access vs desk supervision, for employees
                severity: low
                sides:
                  - keys: ["Desk:TRADE"]
                  - keys: ["Desk:SUPERVISE"]
                applies_when: 'identity.employment_type == "EMPLOYEE" && has(identity.region) && identity.region == "EMEA"'
              - id: privileged-match
                name: Privileged vs audit
                severity: high
                sides:
                  - match: 'entitlement.privilege.startsWith("PRIV")'
                  - keys: ["Splunk:ADMIN"]
            """;

    private static final IdentityFacts CLERK = IdentityFacts.of("u1", "Payments Officer", "Operations", "Payments",
            "London", "EMPLOYEE");

    @TempDir
    Path directory;

    private PolicyEngine engine;

    @BeforeEach
    void loadMatrix() {
        engine = PolicyDirectory.minimal(directory).with("sod.yaml", MATRIX).engine();
    }

    @Test
    void reportsAViolationWhenEntitlementsFromBothSidesAreHeld() {
        List<SodViolation> violations = engine.sodViolations(CLERK, held("SWIFT Alliance:CREATE_PAYMENT",
                "SWIFT Alliance:RELEASE_PAYMENT", "SWIFT Alliance:APPROVE_PAYMENT", "Outlook:MAILBOX"));

        assertThat(violations).containsExactly(new SodViolation("maker-checker", "Create vs approve payments", "high",
                List.of(List.of("SWIFT Alliance:CREATE_PAYMENT"),
                        List.of("SWIFT Alliance:APPROVE_PAYMENT", "SWIFT Alliance:RELEASE_PAYMENT")),
                List.of("dual_authorisation"), engine.info().files().get(3)));
        assertThat(violations.getFirst().policy().id()).isEqualTo("sod");
        assertThat(violations.getFirst().policy().version()).isEqualTo(3);
    }

    @Test
    void holdingOneSideOnlyIsNoViolation() {
        assertThat(engine.sodViolations(CLERK, held("SWIFT Alliance:APPROVE_PAYMENT", "SWIFT Alliance:RELEASE_PAYMENT")))
                .isEmpty();
    }

    @Test
    void matchesASideWithCelOverTheEntitlement() {
        List<SodViolation> violations = engine.sodViolations(CLERK, held("Murex:EXECUTE_OPTIONS", "Murex:ADMIN"));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.ruleId()).isEqualTo("execute-vs-admin");
            assertThat(violation.matchedKeysPerSide())
                    .containsExactly(List.of("Murex:EXECUTE_OPTIONS"), List.of("Murex:ADMIN"));
        });
        assertThat(engine.sodViolations(CLERK, held("Murex:VIEW_TRADES", "Murex:ADMIN"))).isEmpty();
    }

    @Test
    void minSidesCountsDistinctSidesHeld() {
        assertThat(engine.sodViolations(CLERK, held("Murex:BOOK_TRADE", "Core Banking:SETTLE")))
                .extracting(SodViolation::ruleId).containsExactly("front-middle-back");
        assertThat(engine.sodViolations(CLERK, held("Murex:BOOK_TRADE"))).isEmpty();
        assertThat(engine.sodViolations(CLERK, held("Murex:BOOK_TRADE", "Risk Limits:SET_LIMIT", "Core Banking:SETTLE")))
                .singleElement().extracting(SodViolation::matchedKeysPerSide).isEqualTo(List.of(
                        List.of("Murex:BOOK_TRADE"), List.of("Risk Limits:SET_LIMIT"), List.of("Core Banking:SETTLE")));
    }

    @Test
    void appliesWhenLimitsARuleToTheIdentitiesItNames() {
        IdentityFacts emeaEmployee = new IdentityFacts("u2", "Trader", "Equities", "Delta One", "London", "EMPLOYEE",
                Map.of("region", "EMEA"));
        IdentityFacts emeaContractor = new IdentityFacts("u3", "Trader", "Equities", "Delta One", "London",
                "CONTRACTOR", Map.of("region", "EMEA"));

        assertThat(engine.sodViolations(emeaEmployee, held("Desk:TRADE", "Desk:SUPERVISE")))
                .extracting(SodViolation::ruleId).containsExactly("employees-only");
        assertThat(engine.sodViolations(emeaContractor, held("Desk:TRADE", "Desk:SUPERVISE"))).isEmpty();
    }

    @Test
    void conflictsIfGrantedReportsOnlyTheViolationsTheGrantWouldCreate() {
        List<EntitlementFacts> held = held("SWIFT Alliance:CREATE_PAYMENT", "SWIFT Alliance:APPROVE_PAYMENT",
                "Murex:BOOK_TRADE");
        EntitlementFacts candidate = EntitlementFacts.of("SWIFT Alliance:RELEASE_PAYMENT", "STANDARD", "INTERNAL");
        EntitlementFacts settle = EntitlementFacts.of("Core Banking:SETTLE", "STANDARD", "INTERNAL");

        assertThat(engine.conflictsIfGranted(CLERK, held, candidate)).isEmpty();
        assertThat(engine.conflictsIfGranted(CLERK, held, settle)).singleElement().satisfies(violation -> {
            assertThat(violation.ruleId()).isEqualTo("front-middle-back");
            assertThat(violation.matchedKeysPerSide())
                    .isEqualTo(List.of(List.of("Murex:BOOK_TRADE"), List.of(), List.of("Core Banking:SETTLE")));
        });
    }

    @Test
    void grantingWhatIsAlreadyHeldCreatesNoConflict() {
        List<EntitlementFacts> held = held("Murex:BOOK_TRADE");

        assertThat(engine.conflictsIfGranted(CLERK, held, held.getFirst())).isEmpty();
    }

    @Test
    void conflictsIfGrantedHonoursAppliesWhen() {
        assertThat(engine.conflictsIfGranted(CLERK, held("Desk:TRADE"),
                EntitlementFacts.of("Desk:SUPERVISE", "STANDARD", "INTERNAL"))).isEmpty();
    }

    @Test
    void aMatchThatFailsAtRunTimeNamesFileLineAndRule() {
        EntitlementFacts unknownPrivilege = EntitlementFacts.of("Splunk:USER", null, null);

        assertThatThrownBy(() -> engine.sodViolations(CLERK, List.of(unknownPrivilege)))
                .isInstanceOfSatisfying(PolicyException.class, e -> {
                    assertThat(e.code()).isEqualTo(PolicyException.Code.EVALUATION_FAILED);
                    assertThat(e.getMessage()).isEqualTo("sod.yaml:" + PolicyDirectory.lineOf(MATRIX, "PRIV")
                            + ": rule privileged-match side 1 match could not be evaluated: No matching overload"
                            + " for function 'startsWith'. Overload candidates: starts_with_string");
                });
    }

    @Test
    void sweepsABankOfIdentitiesQuickly() {
        List<EntitlementFacts> catalogue = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            catalogue.add(EntitlementFacts.of("App" + i % 40 + ":PERM_" + i, "STANDARD", "INTERNAL"));
        }
        List<EntitlementFacts> conflict = held("SWIFT Alliance:CREATE_PAYMENT", "SWIFT Alliance:APPROVE_PAYMENT");

        int[] violations = new int[1];
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int identity = 0; identity < 5_000; identity++) {
                List<EntitlementFacts> held = new ArrayList<>();
                for (int e = 0; e < 30; e++) {
                    held.add(catalogue.get((identity * 31 + e * 7) % catalogue.size()));
                }
                if (identity % 10 == 0) {
                    held.addAll(conflict);
                }
                violations[0] += engine.sodViolations(CLERK, held).size();
            }
        });

        assertThat(violations[0]).isEqualTo(500);
    }

    private static List<EntitlementFacts> held(String... keys) {
        return Arrays.stream(keys).map(key -> EntitlementFacts.of(key, "STANDARD", "INTERNAL")).toList();
    }
}
