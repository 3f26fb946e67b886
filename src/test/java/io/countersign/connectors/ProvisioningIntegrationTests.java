package io.countersign.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.countersign.directory.Directory;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerEntry;
import io.countersign.policy.EntitlementFacts;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.testing.CountersignTest;
import io.countersign.testing.TestBank;
import io.countersign.testing.Workflows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@CountersignTest
class ProvisioningIntegrationTests {

    private static final EntitlementFacts DOMAIN_ADMINS = new EntitlementFacts("Active Directory:Domain Admins", "Active Directory",
            "Domain Admins", "PRIVILEGED", "RESTRICTED");
    private static final EntitlementFacts EXECUTE_TRADE = new EntitlementFacts("Murex:EXECUTE_TRADE", "Murex", "EXECUTE_TRADE",
            "ELEVATED", "CONFIDENTIAL");

    @Autowired Provisioning provisioning;
    @Autowired Ledger ledger;
    @Autowired Directory directory;
    @Autowired SimulatedTenant tenant;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    @BeforeEach
    void startFromTheTestBank() {
        Workflows.startFrom(TestBank.snapshot(), directory, tenant, jdbc);
    }

    @Test
    void refusesAWriteOutsideTheAgentsScopeLedgersTheRefusalAndLeavesThePlatformAlone() {
        ProvisioningOutcome outcome = provisioning.execute(request("sod-remediation-agent",
                new ConnectorWrite.RemoveMembership("ad", TestBank.ENGINEER_WITH_CONFLICT, "GRP-AD-DOMAIN-ADMINS", DOMAIN_ADMINS.key()), DOMAIN_ADMINS));

        assertThat(outcome.result()).isInstanceOf(ChangeResult.Rejected.class);
        assertThat(outcome.result().detail()).contains("sod-remediation-agent").contains("Active Directory:Domain Admins");
        LedgerEntry refusal = ledger.entry(outcome.lastSeq()).orElseThrow();
        assertThat(refusal.kind()).isEqualTo(EntryKind.REFUSED);
        assertThat(refusal.agentId()).isEqualTo("sod-remediation-agent");
        assertThat(refusal.context()).containsEntry("operation", "remove_membership").containsEntry("reason", outcome.result().detail());
        assertThat(tenant.isMember("ad", "GRP-AD-DOMAIN-ADMINS", TestBank.ENGINEER_WITH_CONFLICT)).isTrue();
    }

    @Test
    void refusesAnUnknownAgent() {
        ProvisioningOutcome outcome = provisioning.execute(request("rogue-agent",
                new ConnectorWrite.DisableUser("okta", "idn-trader-2@bank.example"), null));

        assertThat(outcome.result()).isInstanceOf(ChangeResult.Rejected.class);
        assertThat(outcome.result().detail()).contains("unknown agent rogue-agent");
        assertThat(tenant.accountStatus("okta", "idn-trader-2@bank.example")).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("ACTIVE"));
    }

    @Test
    void ledgersExecutingThenExecutedThenTheReadBackOfAnInScopeWrite() {
        ProvisioningOutcome outcome = provisioning.execute(request("sod-remediation-agent",
                new ConnectorWrite.RemoveMembership("ad", "idn-trader-3", "GRP-MUREX-EXECUTE", EXECUTE_TRADE.key()), EXECUTE_TRADE));

        assertThat(outcome.result()).isInstanceOf(ChangeResult.Applied.class);
        assertThat(outcome.confirmed()).isTrue();
        List<LedgerEntry> entries = outcome.ledgerSeqs().stream().map(s -> ledger.entry(s).orElseThrow()).toList();
        assertThat(entries).extracting(LedgerEntry::kind).containsExactly(EntryKind.EXECUTING, EntryKind.EXECUTED, EntryKind.READ_BACK);
        assertThat(entries.get(1).links()).containsExactly(entries.get(0).seq());
        assertThat(entries.get(2).links()).containsExactly(entries.get(1).seq());
        assertThat(entries.get(2).output()).isEqualTo(Map.of("confirmed", true,
                "state", Map.of("login", "idn-trader-3", "group", "GRP-MUREX-EXECUTE", "member", false)));
        assertThat(tenant.isMember("ad", "GRP-MUREX-EXECUTE", "idn-trader-3")).isFalse();
    }

    @Test
    void repeatingAWriteFindsThePlatformAlreadyInState() {
        ConnectorWrite write = new ConnectorWrite.RemoveMembership("ad", "idn-trader-4", "GRP-MUREX-EXECUTE", EXECUTE_TRADE.key());
        provisioning.execute(request("sod-remediation-agent", write, EXECUTE_TRADE));

        ProvisioningOutcome again = provisioning.execute(request("sod-remediation-agent", write, EXECUTE_TRADE));

        assertThat(again.result()).isInstanceOf(ChangeResult.AlreadyInState.class);
        assertThat(again.confirmed()).isTrue();
    }

    @Test
    void aPlatformWithNoConnectorIsRefusedAndLedgered() {
        ProvisioningOutcome outcome = provisioning.execute(request("offboarding-agent",
                new ConnectorWrite.DisableUser("workday", "E-idn-trader-2"), null));

        assertThat(outcome.result()).isEqualTo(new ChangeResult.Rejected("no connector is configured for platform workday"));
        assertThat(ledger.entry(outcome.lastSeq()).orElseThrow().kind()).isEqualTo(EntryKind.REFUSED);
    }

    @Test
    void refusesToRunInsideATransactionSoTheExecutingEntryIsCommittedFirst() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> provisioning.execute(request("offboarding-agent",
                new ConnectorWrite.DisableUser("okta", "idn-trader-2@bank.example"), null))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("provisioning must not run inside a transaction: its executing entry must commit before the platform changes");
    }

    private static ProvisioningRequest request(String agent, ConnectorWrite write, EntitlementFacts entitlement) {
        return new ProvisioningRequest("test", agent, "test:" + write.operation(), "identity:test", write, entitlement, Map.of("approved", true), List.of());
    }
}
