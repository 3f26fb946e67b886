package io.countersign.simulator;

import static io.countersign.simulator.TestBanks.AS_OF;
import static io.countersign.simulator.TestBanks.DEFAULT;
import static io.countersign.simulator.TestBanks.GENERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.Entitlement;
import io.countersign.directory.HrRecord;
import io.countersign.directory.Identity;
import io.countersign.directory.IdentityId;
import io.countersign.directory.IdentityKind;
import io.countersign.directory.PrivilegeLevel;
import io.countersign.directory.Sensitivity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyntheticBankTests {

    @Test
    void sameSpecGivesAnIdenticalBank() {
        GeneratedBank again = new SyntheticBank().generate(BankSpec.defaults(AS_OF));

        assertThat(again).isEqualTo(DEFAULT);
        assertThat(digest(again.snapshot())).isEqualTo(digest(DEFAULT.snapshot()));
        assertThat(digest(again.planted())).isEqualTo(digest(DEFAULT.planted()));
    }

    @Test
    void differentSeedsGiveDifferentBanks() {
        GeneratedBank other = GENERATOR.generate(new BankSpec(43, 2_000, 180, AS_OF));

        assertThat(other.snapshot().hrRecords()).isNotEqualTo(DEFAULT.snapshot().hrRecords());
        assertThat(other.snapshot().assignments()).isNotEqualTo(DEFAULT.snapshot().assignments());
        assertThat(other.snapshot().requestHistory()).isNotEqualTo(DEFAULT.snapshot().requestHistory());
        assertThat(other.snapshot().entitlements()).isEqualTo(DEFAULT.snapshot().entitlements());
    }

    @Test
    void namesItsSourceAfterTheSpec() {
        assertThat(DEFAULT.snapshot().source()).isEqualTo("synthetic:seed=42,employees=2000,days=180,asOf=2025-06-30");
    }

    @Test
    void defaultBankHasTheAdvertisedSize() {
        DirectorySnapshot snapshot = DEFAULT.snapshot();
        long people = snapshot.identities().stream().filter(i -> i.kind() != IdentityKind.SERVICE).count();
        long contractors = snapshot.identities().stream().filter(i -> i.kind() == IdentityKind.CONTRACTOR).count();

        assertThat(people).isEqualTo(2_000);
        assertThat(snapshot.identities()).hasSizeBetween(2_005, 2_100);
        assertThat(snapshot.hrRecords()).hasSameSizeAs(snapshot.identities());
        assertThat((double) contractors / people).isBetween(0.08, 0.12);
        assertThat(snapshot.applications()).hasSizeBetween(55, 65);
        assertThat(snapshot.entitlements()).hasSizeBetween(360, 440);
        assertThat(snapshot.accounts()).hasSizeBetween(3 * 2_000, 4 * 2_000);
        assertThat(snapshot.assignments()).hasSizeBetween(30_000, 60_000);
        assertThat(snapshot.roleBundles()).hasSizeBetween(100, 150);
        assertThat((double) snapshot.requestHistory().size()).isCloseTo(2_000 * 180 / 12.0, within(300.0));
    }

    @Test
    void coversTheBanksDivisionsAndLocations() {
        Map<String, Long> departments = DEFAULT.snapshot().hrRecords().stream()
                .collect(Collectors.groupingBy(HrRecord::department, Collectors.counting()));
        Map<String, Long> locations = DEFAULT.snapshot().hrRecords().stream()
                .collect(Collectors.groupingBy(HrRecord::location, Collectors.counting()));

        assertThat(departments).containsKeys("Equities", "Fixed Income", "Operations", "Risk", "Compliance",
                "Technology", "Wealth Management");
        assertThat(locations.keySet()).containsExactlyInAnyOrder("New York", "Charlotte", "London", "Hong Kong",
                "Singapore", "Jersey City");
        assertThat(departments.get("Technology")).isGreaterThan(departments.get("Risk"));
    }

    @ParameterizedTest
    @CsvSource({
            "Murex, EXECUTE_TRADE, ELEVATED, CONFIDENTIAL",
            "Murex, AMEND_TRADE, ELEVATED, CONFIDENTIAL",
            "Murex, CONFIRM_TRADE, STANDARD, CONFIDENTIAL",
            "SWIFT Alliance, CREATE_PAYMENT, ELEVATED, RESTRICTED",
            "SWIFT Alliance, APPROVE_PAYMENT, PRIVILEGED, RESTRICTED",
            "SWIFT Alliance, RELEASE_PAYMENT, PRIVILEGED, RESTRICTED",
            "Core Banking, CREATE_PAYEE, ELEVATED, CONFIDENTIAL",
            "Core Banking, APPROVE_PAYMENT, PRIVILEGED, RESTRICTED",
            "Risk Limits, OVERRIDE_LIMIT, PRIVILEGED, CONFIDENTIAL",
            "Trade Surveillance, CLOSE_ALERT, ELEVATED, RESTRICTED",
            "KYC Platform, APPROVE_KYC, ELEVATED, RESTRICTED",
            "Wealth CRM, ONBOARD_CLIENT, STANDARD, CONFIDENTIAL",
            "Active Directory, Domain Admins, PRIVILEGED, RESTRICTED",
            "Splunk, ADMIN, PRIVILEGED, RESTRICTED",
            "Bloomberg Terminal, TRADER_BPS, STANDARD, CONFIDENTIAL"})
    void catalogueHoldsTheEntitlementsTheDefaultPolicyNames(String system, String permission, PrivilegeLevel privilege,
                                                            Sensitivity sensitivity) {
        List<Entitlement> matching = DEFAULT.snapshot().entitlements().stream()
                .filter(e -> e.system().equals(system) && e.permission().equals(permission)).toList();

        assertThat(matching).singleElement().satisfies(entitlement -> {
            assertThat(entitlement.privilege()).isEqualTo(privilege);
            assertThat(entitlement.sensitivity()).isEqualTo(sensitivity);
            assertThat(entitlement.description()).isNotBlank();
        });
    }

    @Test
    void serviceIdentitiesHaveNoEmployeeIdButAnOwner() {
        List<Identity> services = DEFAULT.snapshot().identities().stream()
                .filter(i -> i.kind() == IdentityKind.SERVICE).toList();
        Map<IdentityId, HrRecord> hr = DEFAULT.snapshot().hrRecords().stream()
                .collect(Collectors.toMap(HrRecord::identityId, h -> h));

        assertThat(services).isNotEmpty().allSatisfy(service -> {
            assertThat(service.employeeId()).isNull();
            assertThat(service.displayName()).startsWith("svc-");
            assertThat(hr.get(service.id()).managerId()).isNotNull();
        });
    }

    @Test
    void generatesFiftyThousandEmployees() {
        GeneratedBank large = GENERATOR.generate(new BankSpec(7, 50_000, 180, AS_OF));

        assertThat(large.snapshot().identities()).hasSizeGreaterThan(50_000);
        assertThat(large.snapshot().requestHistory()).hasSize(750_000);
        assertThat(large.planted().sodViolations()).hasSizeGreaterThanOrEqualTo(250);
    }

    @ParameterizedTest
    @CsvSource({
            "49, 180, 'employees must be between 50 and 200000, was 49'",
            "200001, 180, 'employees must be between 50 and 200000, was 200001'",
            "2000, 0, 'days must be between 1 and 3650, was 0'",
            "2000, 3651, 'days must be between 1 and 3650, was 3651'"})
    void rejectsSpecsOutOfRangeNamingTheField(int employees, int days, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> new BankSpec(42, employees, days, AS_OF))
                .withMessage(message);
    }

    @Test
    void rejectsSpecWithoutDate() {
        assertThatNullPointerException().isThrownBy(() -> new BankSpec(42, 2_000, 180, null)).withMessage("asOf == null");
    }

    @Test
    void defaultsAreThoseOfTheCommandLine() {
        assertThat(BankSpec.defaults(LocalDate.of(2026, 1, 2))).isEqualTo(new BankSpec(42, 2_000, 180, LocalDate.of(2026, 1, 2)));
    }

    private static String digest(Object value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
