package io.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTests {

    private static final String EQUITIES = """
            kind: baselines
            id: baselines-equities
            version: 1
            baselines:
              - id: role_baseline_equity
                when: 'identity.department == "Equities"'
                grant: ["Bloomberg Terminal:TRADER_BPS", "Market Data:EQUITIES_L1"]
              - id: equity_new_york
                when: 'identity.department == "Equities" && identity.location == "New York"'
                grant: ["Compliance Training:FINRA_CE"]
            """;

    private static final String FIRMWIDE = """
            kind: baselines
            id: baselines-firmwide
            version: 1
            baselines:
              - id: everyone
                when: 'identity.employment_type != "SERVICE"'
                grant: ["Okta:SSO", "Outlook:MAILBOX"]
              - id: cost_centre_100
                when: 'has(identity.cost_centre) && identity.cost_centre == 100 && identity.desk == null'
                grant: ["Expenses:SUBMIT"]
            """;

    @TempDir
    Path directory;

    private PolicyEngine engine;

    @BeforeEach
    void load() {
        engine = PolicyDirectory.minimal(directory)
                .with("baselines-equities.yaml", EQUITIES)
                .with("baselines-firmwide.yaml", FIRMWIDE)
                .engine();
    }

    @Test
    void everyMatchingBaselineAppliesInFileAndDeclarationOrder() {
        IdentityFacts trader = IdentityFacts.of("u1", "Equity Trader", "Equities", "Cash Equities", "New York",
                "EMPLOYEE");

        List<BaselineMatch> matches = engine.baselines(trader);

        assertThat(matches).extracting(BaselineMatch::baselineId)
                .containsExactly("role_baseline_equity", "equity_new_york", "everyone");
        assertThat(matches.getFirst().grants())
                .containsExactly("Bloomberg Terminal:TRADER_BPS", "Market Data:EQUITIES_L1");
        assertThat(matches.getFirst().policy().id()).isEqualTo("baselines-equities");
        assertThat(matches.getLast().policy().id()).isEqualTo("baselines-firmwide");
    }

    @Test
    void identityAttributesAndMissingFieldsAreVisibleToCel() {
        IdentityFacts analyst = new IdentityFacts("u2", "Analyst", "Finance", null, "London", "EMPLOYEE",
                Map.of("cost_centre", 100));

        assertThat(engine.baselines(analyst)).extracting(BaselineMatch::baselineId)
                .containsExactly("everyone", "cost_centre_100");
    }

    @Test
    void anIdentityNoBaselineDescribesGetsNone() {
        IdentityFacts service = IdentityFacts.of("svc", "Batch", "Technology", null, "Dublin", "SERVICE");

        assertThat(engine.baselines(service)).isEmpty();
    }
}
