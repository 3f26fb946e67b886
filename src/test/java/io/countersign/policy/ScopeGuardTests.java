package io.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScopeGuardTests {

    private static final String AGENTS = """
            kind: agents
            id: agents
            version: 5
            agents:
              - id: remediator
                name: Remediator
                description: Removes conflicting entitlements.
                scopes:
                  - platforms: ["okta", "entra-*"]
                    operations: [remove_membership, unassign_app]
                    resources: ["Murex:*", "*:APPROVE_PAYMENT", "Core*Banking:*"]
                    when: 'entitlement.privilege != "PRIVILEGED" || item.approved'
              - id: noter
                name: Noter
                description: Writes reason notes.
                scopes:
                  - platforms: ["*"]
                    operations: [set_reason_note]
                    resources: ["*"]
            """;

    @TempDir
    Path directory;

    private PolicyEngine engine;
    private PolicyRef agents;

    @BeforeEach
    void load() {
        engine = PolicyDirectory.minimal(directory).with("agents.yaml", AGENTS).engine();
        agents = engine.info().files().getFirst();
    }

    @Test
    void permitsAWriteInsideAScope() {
        ScopeVerdict verdict = engine.scopeCheck("remediator", request("okta", "remove_membership",
                "Murex:EXECUTE_TRADE", "STANDARD", Map.of()));

        assertThat(verdict).isEqualTo(new ScopeVerdict.Permitted("remediator", "scope 1 of remediator:"
                + " remove_membership, unassign_app on okta, entra-* for Murex:*, *:APPROVE_PAYMENT, Core*Banking:*"
                + " when entitlement.privilege != \"PRIVILEGED\" || item.approved", agents));
    }

    @Test
    void globsMatchAnyRunOfCharactersAnywhere() {
        assertThat(engine.scopeCheck("remediator", request("entra-prod", "unassign_app",
                "SWIFT Alliance:APPROVE_PAYMENT", "STANDARD", Map.of()))).isInstanceOf(ScopeVerdict.Permitted.class);
        assertThat(engine.scopeCheck("remediator", request("okta", "unassign_app",
                "Core Banking:CREATE_PAYEE", "STANDARD", Map.of()))).isInstanceOf(ScopeVerdict.Permitted.class);
        assertThat(engine.scopeCheck("remediator", request("entra", "unassign_app",
                "Murex:EXECUTE_TRADE", "STANDARD", Map.of()))).isInstanceOf(ScopeVerdict.Refused.class);
    }

    @Test
    void refusesAResourceOutsideEveryScopeNamingTheWrite() {
        ScopeVerdict verdict = engine.scopeCheck("remediator", request("okta", "remove_membership",
                "Active Directory:Domain Admins", "PRIVILEGED", Map.of("approved", true)));

        assertThat(verdict).isEqualTo(new ScopeVerdict.Refused("remediator", "operation remove_membership on"
                + " \"Active Directory:Domain Admins\" is outside the scopes of remediator", agents));
    }

    @Test
    void refusesAnOperationOrPlatformOutsideEveryScope() {
        assertThat(reason("remediator", request("okta", "add_membership", "Murex:EXECUTE_TRADE", "STANDARD", Map.of())))
                .isEqualTo("operation add_membership on platform okta is outside the scopes of remediator");
        assertThat(reason("remediator", request("ad", "remove_membership", "Murex:EXECUTE_TRADE", "STANDARD",
                Map.of()))).isEqualTo("platform ad is outside the scopes of remediator");
        assertThat(reason("remediator", request("okta", "drop_table", "Murex:EXECUTE_TRADE", "STANDARD", Map.of())))
                .isEqualTo("unknown operation drop_table");
    }

    @Test
    void theScopeConditionMustHold() {
        assertThat(engine.scopeCheck("remediator", request("okta", "unassign_app", "Murex:ADMIN", "PRIVILEGED",
                Map.of("approved", true)))).isInstanceOf(ScopeVerdict.Permitted.class);
        assertThat(reason("remediator", request("okta", "unassign_app", "Murex:ADMIN", "PRIVILEGED",
                Map.of("approved", false)))).isEqualTo("operation unassign_app on \"Murex:ADMIN\" is outside the"
                + " scopes of remediator: when 'entitlement.privilege != \"PRIVILEGED\" || item.approved'"
                + " does not hold");
    }

    @Test
    void aConditionThatCannotBeEvaluatedRefusesTheWrite() {
        String reason = reason("remediator", request("okta", "unassign_app", "Murex:ADMIN", "PRIVILEGED", Map.of()));

        assertThat(reason).isEqualTo("operation unassign_app on \"Murex:ADMIN\" is outside the scopes of remediator:"
                + " agents.yaml:" + PolicyDirectory.lineOf(AGENTS, "item.approved")
                + ": agent remediator scope 1 when could not be evaluated: key 'approved' is not present in map.");
    }

    @Test
    void aWriteWithoutEntitlementFactsSeesAnEmptyEntitlement() {
        ScopeVerdict verdict = engine.scopeCheck("noter", new ScopeRequest("keycloak", "set_reason_note",
                "jdoe", null, null));

        assertThat(verdict).isInstanceOf(ScopeVerdict.Permitted.class);
    }

    @Test
    void refusesAnUnknownAgent() {
        ScopeVerdict verdict = engine.scopeCheck("rogue", request("okta", "remove_membership",
                "Murex:EXECUTE_TRADE", "STANDARD", Map.of()));

        assertThat(verdict).isEqualTo(new ScopeVerdict.Refused("rogue", "unknown agent rogue", agents));
    }

    @Test
    void listsTheAgentsWithTheirScopes() {
        assertThat(engine.agents()).extracting(AgentDefinition::id).containsExactly("remediator", "noter");
        assertThat(engine.agents().getFirst().scopes()).singleElement().satisfies(scope -> {
            assertThat(scope.platforms()).containsExactly("okta", "entra-*");
            assertThat(scope.when()).isEqualTo("entitlement.privilege != \"PRIVILEGED\" || item.approved");
        });
        assertThat(engine.agents().getLast().scopes().getFirst().when()).isNull();
    }

    private String reason(String agent, ScopeRequest request) {
        ScopeVerdict verdict = engine.scopeCheck(agent, request);
        assertThat(verdict).isInstanceOf(ScopeVerdict.Refused.class);
        return ((ScopeVerdict.Refused) verdict).reason();
    }

    private static ScopeRequest request(String platform, String operation, String resource, String privilege,
            Map<String, Object> item) {
        return new ScopeRequest(platform, operation, resource, EntitlementFacts.of(resource, privilege, "INTERNAL"),
                item);
    }
}
