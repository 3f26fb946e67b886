package io.countersign.simulator;

import static io.countersign.simulator.TestBanks.DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.countersign.directory.Assignment;
import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.Entitlement;
import io.countersign.directory.EntitlementId;
import io.countersign.directory.HrRecord;
import io.countersign.directory.IdentityId;
import io.countersign.directory.IdentityKind;
import io.countersign.directory.IdentityStatus;
import io.countersign.directory.PastAccessRequest;
import io.countersign.directory.PrivilegeLevel;
import io.countersign.directory.RequestOutcome;
import io.countersign.directory.Sensitivity;
import org.junit.jupiter.api.Test;

class RequestHistoryTests {

    private final DirectorySnapshot snapshot = DEFAULT.snapshot();
    private final List<PastAccessRequest> history = snapshot.requestHistory();
    private final Map<EntitlementId, Entitlement> entitlements = TestBanks.entitlements(snapshot);

    @Test
    void mostRequestsAreApproved() {
        assertThat(approvalRate(history)).isBetween(0.85, 0.92);
    }

    @Test
    void requestsForWhatPeersHoldAreApprovedFarMoreOftenThanRareOnes() {
        Map<String, Double> prevalence = peerPrevalence();
        List<PastAccessRequest> common = history.stream().filter(r -> prevalence.getOrDefault(peerKey(r), 0.0) >= 0.3).toList();
        List<PastAccessRequest> rare = history.stream().filter(r -> prevalence.getOrDefault(peerKey(r), 0.0) < 0.05).toList();

        assertThat(common).hasSizeGreaterThan(history.size() / 3);
        assertThat(rare).hasSizeGreaterThan(history.size() / 10);
        assertThat(approvalRate(common)).isGreaterThan(approvalRate(rare) + 0.15);
        assertThat(approvalRate(rare)).as("not trivially separable").isGreaterThan(0.5);
    }

    @Test
    void privilegedAndRestrictedAccessIsDeniedMore() {
        double standard = approvalRate(filtered(r -> entitlement(r).privilege() == PrivilegeLevel.STANDARD));
        double privileged = approvalRate(filtered(r -> entitlement(r).privilege() == PrivilegeLevel.PRIVILEGED));
        double internal = approvalRate(filtered(r -> entitlement(r).sensitivity() == Sensitivity.INTERNAL));
        double restricted = approvalRate(filtered(r -> entitlement(r).sensitivity() == Sensitivity.RESTRICTED));

        assertThat(privileged).isLessThan(standard - 0.2);
        assertThat(restricted).isLessThan(internal - 0.1);
    }

    @Test
    void contractorsAreDeniedRestrictedDataMoreThanEmployees() {
        Predicate<PastAccessRequest> restricted = r -> entitlement(r).sensitivity() == Sensitivity.RESTRICTED;
        double contractors = approvalRate(filtered(restricted.and(r -> r.employmentType() == IdentityKind.CONTRACTOR)));
        double employees = approvalRate(filtered(restricted.and(r -> r.employmentType() == IdentityKind.EMPLOYEE)));

        assertThat(contractors).isLessThan(employees - 0.1);
    }

    @Test
    void someDecidersAreSystematicallyStricter() {
        Map<String, List<PastAccessRequest>> byDecider = history.stream()
                .collect(Collectors.groupingBy(PastAccessRequest::decidedBy));
        List<Double> rates = byDecider.values().stream().filter(decisions -> decisions.size() >= 50)
                .map(RequestHistoryTests::approvalRate).sorted().toList();

        assertThat(rates).hasSizeGreaterThan(50);
        assertThat(rates.get(rates.size() * 9 / 10) - rates.get(rates.size() / 10)).isGreaterThan(0.1);
    }

    @Test
    void requestsAreDecidedByTheManagerOrTheDeskHead() {
        Map<IdentityId, HrRecord> hr = snapshot.hrRecords().stream().collect(Collectors.toMap(HrRecord::identityId, r -> r));
        long byManager = history.stream().filter(r -> r.decidedBy().equals(r.managerId())).count();
        long byDeskHead = history.stream()
                .filter(r -> hr.get(new IdentityId(r.decidedBy())).title().equals("Head of " + r.desk())).count();

        assertThat(byManager + byDeskHead).isGreaterThanOrEqualTo(history.size());
        assertThat(byDeskHead).isGreaterThan(history.size() / 20);
    }

    @Test
    void historyIsInTimeOrderWithTheRequestersRoleAtTheTime() {
        assertThat(history).isSortedAccordingTo((a, b) -> a.requestedAt().compareTo(b.requestedAt()));
        assertThat(history).allSatisfy(request -> {
            assertThat(request.id()).matches("req-\\d{7}");
            assertThat(request.department()).isNotBlank();
            assertThat(request.costCentre()).startsWith("CC-");
        });
        Map<IdentityId, HrRecord> hr = snapshot.hrRecords().stream().collect(Collectors.toMap(HrRecord::identityId, r -> r));
        assertThat(history).anyMatch(r -> !r.desk().equals(hr.get(r.requesterId()).desk()));
    }

    private Map<String, Double> peerPrevalence() {
        Map<IdentityId, HrRecord> hr = snapshot.hrRecords().stream()
                .filter(r -> r.status() != IdentityStatus.TERMINATED && r.employmentType() != IdentityKind.SERVICE)
                .collect(Collectors.toMap(HrRecord::identityId, r -> r));
        Map<String, Long> peers = hr.values().stream()
                .collect(Collectors.groupingBy(r -> r.title() + "|" + r.desk(), Collectors.counting()));
        Map<String, Double> prevalence = new HashMap<>();
        for (Assignment assignment : snapshot.assignments()) {
            HrRecord holder = hr.get(assignment.identityId());
            if (holder != null) {
                String group = holder.title() + "|" + holder.desk();
                prevalence.merge(group + "|" + assignment.entitlementId(), 1.0 / peers.get(group), Double::sum);
            }
        }
        return prevalence;
    }

    private static String peerKey(PastAccessRequest request) {
        return request.title() + "|" + request.desk() + "|" + request.entitlementId();
    }

    private Entitlement entitlement(PastAccessRequest request) {
        return entitlements.get(request.entitlementId());
    }

    private List<PastAccessRequest> filtered(Predicate<PastAccessRequest> condition) {
        return history.stream().filter(condition).toList();
    }

    private static double approvalRate(List<PastAccessRequest> requests) {
        return (double) requests.stream().filter(r -> r.outcome() == RequestOutcome.APPROVED).count() / requests.size();
    }
}
