package io.countersign.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.countersign.simulator.BankSpec;
import io.countersign.simulator.SyntheticBank;
import io.countersign.testing.CountersignTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@CountersignTest
class DemoIntegrationTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 2);

    @Autowired Demo demo;
    @Autowired SyntheticBank bank;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;
    @TempDir Path out;

    @BeforeEach
    void noOpenWorkflows() {
        jdbc.execute("delete from sod_finding");
        jdbc.execute("delete from approval_vote");
        jdbc.execute("delete from approval_request");
        jdbc.execute("delete from access_request");
    }

    @Test
    void runsEveryWorkflowEndToEndOnASmallBank() {
        List<String> progress = new ArrayList<>();

        DemoReport report = demo.run(new Demo.Options(7, 300, 30, AS_OF, out), port, progress::add);

        assertThat(progress).hasSize(Demo.STEPS);
        long planted = bank.generate(new BankSpec(7, 300, 30, AS_OF)).planted().sodViolations().stream()
                .map(v -> v.ruleId() + "/" + v.identityId().value()).collect(Collectors.toSet()).size();
        assertThat(report.sodViolations()).isEqualTo((int) planted).isPositive();
        assertThat(report.findingsRaised()).isEqualTo(report.sodViolations());
        assertThat(report.approval()).containsEntry("httpStatus", 200).containsEntry("findingStatus", "REMEDIATED");
        assertThat(report.scopeRefusal()).containsEntry("result", "Rejected");
        assertThat(report.ledgerVerified()).isTrue();
        assertThat(report.identities()).isGreaterThan(300);
        Map<?, ?> transfer = (Map<?, ?>) report.lifecycle().get("transfer");
        assertThat(report.approvalsPending()).isEqualTo(report.findingsRaised() - 1 + ((Number) transfer.get("approvalsOpened")).intValue()
                + ((Number) report.requests().get("pending")).intValue());
        assertThat(report.requests()).containsEntry("blocked_sod", 1L).containsEntry("routed_compliance", 1L);
        assertThat(((Number) report.requests().get("auto_approved")).longValue() + ((Number) report.requests().get("routed_desk_head")).longValue())
                .isGreaterThanOrEqualTo(2);
        assertThat(report.requests().get("model")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("holdout_logloss", "holdout_auc", "train_seconds");
        assertThat(report.sync()).containsOnlyKeys("okta", "entra", "local");
        report.sync().values().forEach(s -> assertThat(((Map<?, ?>) s).get("drift")).isEqualTo(0));
        assertThat(((Map<?, ?>) report.events().get("okta/system_log")).get("read")).isNotEqualTo(0);
        assertThat(((Number) report.delivered().get("jiraTickets")).longValue()).isGreaterThan(report.findingsRaised());
        assertThat(report.lifecycle()).containsEntry("joinerStatus", "COMPLETED").containsKey("package");
        assertThat(report.deprovisioning()).containsEntry("leavers", 20);
        assertThat(((Number) report.deprovisioning().get("accounts_disabled")).intValue()).isGreaterThanOrEqualTo(60);
        assertThat(((Number) report.deprovisioning().get("p99_ms")).longValue()).isLessThan(60_000);
    }

    @Test
    void aSecondRunKeepsOpenFindingsAndDecidesAnother() {
        demo.run(new Demo.Options(7, 300, 30, AS_OF, out), port, message -> { });

        DemoReport second = demo.run(new Demo.Options(7, 300, 30, AS_OF, out), port, message -> { });

        assertThat(second.findingsAlreadyOpen()).isEqualTo(second.sodViolations() - 1);
        assertThat(second.findingsRaised()).isEqualTo(1);
        assertThat(second.ledgerVerified()).isTrue();
    }
}
