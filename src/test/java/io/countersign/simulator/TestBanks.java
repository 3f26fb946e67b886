package io.countersign.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.countersign.directory.Assignment;
import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.Entitlement;
import io.countersign.directory.EntitlementId;
import io.countersign.directory.IdentityId;

/** Banks shared by the simulator's tests (generated once, immutable), and the questions tests ask of them. */
final class TestBanks {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final Instant NOW = AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant();
    static final SyntheticBank GENERATOR = new SyntheticBank();
    static final GeneratedBank DEFAULT = GENERATOR.generate(BankSpec.defaults(AS_OF));

    /** The default separation-of-duties policy, stated independently of the generator's catalogue. */
    record Rule(String id, Set<String> left, Set<String> right) {
    }

    static final List<Rule> SOD_RULES = List.of(
            new Rule("sod-trade-settle", Set.of("Murex:EXECUTE_TRADE", "Murex:AMEND_TRADE"),
                    Set.of("SWIFT Alliance:APPROVE_PAYMENT", "SWIFT Alliance:RELEASE_PAYMENT", "Murex:CONFIRM_TRADE")),
            new Rule("sod-payment-maker-checker", Set.of("SWIFT Alliance:CREATE_PAYMENT"),
                    Set.of("SWIFT Alliance:APPROVE_PAYMENT", "SWIFT Alliance:RELEASE_PAYMENT")),
            new Rule("sod-payee-payment", Set.of("Core Banking:CREATE_PAYEE"), Set.of("Core Banking:APPROVE_PAYMENT")),
            new Rule("sod-trade-limit", Set.of("Murex:EXECUTE_TRADE"), Set.of("Risk Limits:OVERRIDE_LIMIT")),
            new Rule("sod-trade-surveillance", Set.of("Murex:EXECUTE_TRADE"), Set.of("Trade Surveillance:CLOSE_ALERT")),
            new Rule("sod-onboard-kyc", Set.of("Wealth CRM:ONBOARD_CLIENT"), Set.of("KYC Platform:APPROVE_KYC")),
            new Rule("sod-admin-audit", Set.of("Active Directory:Domain Admins"), Set.of("Splunk:ADMIN")));

    private TestBanks() {
    }

    static Map<EntitlementId, Entitlement> entitlements(DirectorySnapshot snapshot) {
        return snapshot.entitlements().stream().collect(Collectors.toMap(Entitlement::id, Function.identity()));
    }

    /** Each identity's entitlement keys ({@code system:permission}), across all its assignments. */
    static Map<IdentityId, Set<String>> heldKeys(DirectorySnapshot snapshot) {
        Map<EntitlementId, Entitlement> entitlements = entitlements(snapshot);
        return snapshot.assignments().stream().collect(Collectors.groupingBy(Assignment::identityId,
                Collectors.mapping(a -> entitlements.get(a.entitlementId()).key(), Collectors.toSet())));
    }

    /** Every breach of {@link #SOD_RULES} in a set of held keys, as violations of the given identity. */
    static Set<SodViolation> violations(IdentityId identity, Set<String> held) {
        return SOD_RULES.stream().flatMap(rule -> rule.left().stream().filter(held::contains)
                        .flatMap(left -> rule.right().stream().filter(held::contains)
                                .map(right -> new SodViolation(identity, rule.id(), left, right))))
                .collect(Collectors.toSet());
    }
}
