package io.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueTests {

    private static final String CATALOGUE = """
            kind: catalogue
            id: catalogue
            version: 3
            items:
              - id: trading-terminal
                description: Bloomberg for traders
                entitlements: ["Bloomberg Terminal:TRADER_BPS", "Bloomberg Terminal:TERMINAL"]
                when: 'identity.title.contains("Trader") && identity.employment_type == "EMPLOYEE"'
              - id: terminal-for-all
                entitlements: ["Bloomberg Terminal:TERMINAL"]
            tests:
              - name: a trader gets the trading item
                identity: {title: "Rates Trader", employment_type: "EMPLOYEE"}
                entitlement: "Bloomberg Terminal:TRADER_BPS"
                expect_item: trading-terminal
              - name: an analyst gets no trader pricing
                identity: {title: "Credit Analyst", employment_type: "EMPLOYEE"}
                entitlement: "Bloomberg Terminal:TRADER_BPS"
                expect_item: none
            """;

    private static final IdentityFacts TRADER = IdentityFacts.of("u1", "Rates Trader", "Fixed Income", "Rates", "London", "EMPLOYEE");
    private static final IdentityFacts ANALYST = IdentityFacts.of("u2", "Credit Analyst", "Risk", "Credit Risk", "London", "EMPLOYEE");

    @TempDir
    Path directory;

    @Test
    void theFirstItemListingTheEntitlementWhoseConditionHoldsCoversTheRequest() {
        PolicyEngine engine = PolicyDirectory.minimal(directory).with("catalogue.yaml", CATALOGUE).engine();

        assertThat(engine.catalogueItem(TRADER, EntitlementFacts.of("Bloomberg Terminal:TERMINAL", "STANDARD", "CONFIDENTIAL")))
                .hasValueSatisfying(match -> {
                    assertThat(match.itemId()).isEqualTo("trading-terminal");
                    assertThat(match.description()).isEqualTo("Bloomberg for traders");
                    assertThat(match.policy().id()).isEqualTo("catalogue");
                    assertThat(match.policy().version()).isEqualTo(3);
                });
        assertThat(engine.catalogueItem(ANALYST, EntitlementFacts.of("Bloomberg Terminal:TERMINAL", null, null)))
                .hasValueSatisfying(match -> assertThat(match.description()).isEqualTo("terminal-for-all"));
    }

    @Test
    void anEntitlementNoItemOffersThisRequesterIsNotCatalogued() {
        PolicyEngine engine = PolicyDirectory.minimal(directory).with("catalogue.yaml", CATALOGUE).engine();

        assertThat(engine.catalogueItem(ANALYST, EntitlementFacts.of("Bloomberg Terminal:TRADER_BPS", null, null))).isEmpty();
        assertThat(engine.catalogueItem(TRADER, EntitlementFacts.of("Murex:EXECUTE_TRADE", null, null))).isEmpty();
    }

    @Test
    void aSetWithoutACatalogueCataloguesNothing() {
        PolicyEngine engine = PolicyDirectory.minimal(directory).engine();

        assertThat(engine.catalogueItem(TRADER, EntitlementFacts.of("Bloomberg Terminal:TRADER_BPS", null, null))).isEmpty();
    }

    @Test
    void checkRunsTheCataloguesOwnTests() {
        PolicyCheckReport report = PolicyDirectory.minimal(directory).with("catalogue.yaml", CATALOGUE).check();

        assertThat(report.problems()).isEmpty();
        assertThat(report.tests()).filteredOn(test -> test.file().equals("catalogue.yaml")).hasSize(2)
                .allSatisfy(test -> assertThat(test.passed()).as(test.detail()).isTrue());
    }

    @Test
    void checkReportsAFailingExpectation() {
        PolicyCheckReport report = PolicyDirectory.minimal(directory).with("catalogue.yaml", CATALOGUE.replace(
                "expect_item: none", "expect_item: terminal-for-all")).check();

        assertThat(report.failedTests()).singleElement().satisfies(test -> {
            assertThat(test.name()).isEqualTo("an analyst gets no trader pricing");
            assertThat(test.detail()).isEqualTo("expected item terminal-for-all but got none");
        });
    }

    @Test
    void checkNamesTheLineOfABrokenItem() {
        PolicyCheckReport report = PolicyDirectory.minimal(directory).with("catalogue.yaml", """
                kind: catalogue
                id: catalogue
                version: 1
                items:
                  - id: broken
                    entitlements: ["Bloomberg"]
                  - id: uncompilable
                    entitlements: ["Bloomberg Terminal:TERMINAL"]
                    when: 'identity.title ==='
                  - id: broken
                    entitlements: ["Bloomberg Terminal:PORT"]
                """).check();

        assertThat(report.problems()).extracting(p -> p.file() + ":" + p.line()).containsExactly(
                "catalogue.yaml:6", "catalogue.yaml:9", "catalogue.yaml:10");
        assertThat(report.problems().getFirst().reason())
                .isEqualTo("invalid entitlement key 'Bloomberg' in entitlements (expected System:PERMISSION)");
        assertThat(report.problems().getLast().reason()).startsWith("duplicate catalogue item id 'broken'");
    }
}
