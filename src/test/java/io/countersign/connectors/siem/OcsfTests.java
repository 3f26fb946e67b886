package io.countersign.connectors.siem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.countersign.connectors.PlatformChanged;
import io.countersign.remediation.SodFindingRaised;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Countersign's events as OCSF documents, each checked against the schema's requirements for its class. */
class OcsfTests {

    private static final Instant AT = Instant.parse("2026-05-04T10:15:30.250Z");
    private final Ocsf ocsf = new Ocsf("0.1.0");

    @Test
    void aSeparationOfDutiesFindingIsADetectionFinding() {
        OcsfEvent event = ocsf.finding(new SodFindingRaised("fnd-17", "sod-trade-settle", "critical", "idn-trader-1",
                List.of("Murex:EXECUTE_TRADE", "SWIFT Alliance:APPROVE_PAYMENT"), "SWIFT Alliance:APPROVE_PAYMENT", "revoke", 0.87,
                "Holds both sides of trade and settlement.", 41, AT));

        JsonNode document = json(event);
        assertThat(OcsfSchema.violations(document)).isEmpty();
        assertThat(event.uid()).isEqualTo("countersign:sod-finding:fnd-17");
        assertThat(event.sourcetype()).isEqualTo("ocsf:detection_finding");
        assertThat(document.path("type_uid").asLong()).isEqualTo(200401);
        assertThat(document.path("severity_id").asInt()).isEqualTo(5);
        assertThat(document.path("time").asLong()).isEqualTo(AT.toEpochMilli());
        assertThat(document.path("finding_info").path("uid").asString()).isEqualTo("fnd-17");
        assertThat(document.path("metadata").path("uid").asString()).isEqualTo("countersign:sod-finding:fnd-17");
        assertThat(document.path("metadata").path("product").path("version").asString()).isEqualTo("0.1.0");
        assertThat(document.path("remediation").path("desc").asString()).isEqualTo("Recommended: revoke SWIFT Alliance:APPROVE_PAYMENT (confidence 0.87)");
    }

    @ParameterizedTest(name = "{0} is class {1}, activity {2}")
    @CsvSource({
            "create_user, 3001, 1, ocsf:account_change",
            "disable_user, 3001, 5, ocsf:account_change",
            "add_membership, 3006, 3, ocsf:group_management",
            "remove_membership, 3006, 4, ocsf:group_management",
            "assign_app, 3005, 1, ocsf:user_access_management",
            "unassign_app, 3005, 2, ocsf:user_access_management",
            "set_reason_note, 3001, 99, ocsf:account_change"})
    void aPlatformWriteTakesTheClassAndActivityTheSchemaGivesIt(String operation, int classUid, int activity, String sourcetype) {
        OcsfEvent event = ocsf.change(change(operation, 1234, true));

        JsonNode document = json(event);
        assertThat(OcsfSchema.violations(document)).isEmpty();
        assertThat(document.path("class_uid").asInt()).isEqualTo(classUid);
        assertThat(document.path("activity_id").asInt()).isEqualTo(activity);
        assertThat(event.sourcetype()).isEqualTo(sourcetype);
        assertThat(event.uid()).isEqualTo("countersign:ledger:1234");
        assertThat(document.path("user").path("name").asString()).isEqualTo("idn-trader-3");
        assertThat(document.path("actor").path("user").path("uid").asString()).isEqualTo("sod-remediation-agent");
        assertThat(document.path("status_id").asInt()).isEqualTo(1);
    }

    @Test
    void aChangeTheReadBackDidNotConfirmIsAFailure() {
        JsonNode document = json(ocsf.change(change("remove_membership", 7, false)));

        assertThat(document.path("status_id").asInt()).isEqualTo(2);
        assertThat(document.path("status_detail").asString()).isEqualTo("the platform's state, read back, did not show the change");
    }

    @Test
    void theSchemaCheckCatchesWhatIsMissingOrWrong() {
        Map<String, Object> broken = new LinkedHashMap<>(ocsf.change(change("add_membership", 9, true)).document());
        broken.remove("group");
        broken.put("type_uid", 300601);
        broken.put("metadata", Map.of("version", "2.0", "uid", "x", "product", Map.of("vendor_name", "Countersign")));

        assertThat(OcsfSchema.violations(JsonMapper.shared().valueToTree(broken))).containsExactly("group is required",
                "type_uid must be class_uid * 100 + activity_id", "metadata.version must be an OCSF 1.x version",
                "metadata.product needs at least one of [name, uid]");
    }

    static PlatformChanged change(String operation, long seq, boolean confirmed) {
        Map<String, Object> write = switch (operation) {
            case "add_membership", "remove_membership" -> Map.of("operation", operation, "platform", "ad", "login", "idn-trader-3", "group", "GRP-MUREX-EXECUTE");
            case "assign_app", "unassign_app" -> Map.of("operation", operation, "platform", "okta", "login", "idn-trader-3", "entitlement", "Murex:EXECUTE_TRADE");
            default -> Map.of("operation", operation, "platform", "okta", "login", "idn-trader-3");
        };
        return new PlatformChanged("sod_remediation", "sod-remediation-agent", "identity:idn-trader-3", "ad", operation, "Murex:EXECUTE_TRADE",
                "idn-trader-3", "Applied", confirmed, seq, AT, write);
    }

    private static JsonNode json(OcsfEvent event) {
        return JsonMapper.shared().readTree(JsonMapper.shared().writeValueAsString(event.document()));
    }
}
