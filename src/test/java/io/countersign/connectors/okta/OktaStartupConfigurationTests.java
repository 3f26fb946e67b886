package io.countersign.connectors.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import io.countersign.connectors.Connector;
import io.countersign.connectors.TenantReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The start-up Okta connector: made from {@code countersign.connectors.okta.*} only when a URL is configured, refused at start when wrong. */
class OktaStartupConfigurationTests {

    @TempDir Path dir;

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(OktaConnectorFactory.class);

    @Test
    void noUrlNoConnector() {
        context.run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(Connector.class));
    }

    @Test
    void aConfiguredOrgBecomesTheOktaConnectorAndReader() throws IOException {
        context.withPropertyValues("countersign.connectors.okta.url=http://127.0.0.1:8400",
                        "countersign.connectors.okta.token=file:" + OktaConnectorTests.token(dir, "okta-startup-token"),
                        "countersign.connectors.okta.reason-attribute=accessReason", "countersign.connectors.okta.log-since=P1D")
                .run(started -> {
                    assertThat(started).hasSingleBean(Connector.class);
                    assertThat(started.getBean(Connector.class)).isInstanceOf(TenantReader.class);
                    assertThat(started.getBean(Connector.class).platforms()).containsExactly("okta");
                });
    }

    @Test
    void aWrongSettingStopsTheStartWithOneLineNamingIt() {
        context.withPropertyValues("countersign.connectors.okta.url=https://bank.okta.com", "countersign.connectors.okta.token=env:OKTA_TOKEN",
                        "countersign.connectors.okta.max-attempts=eleven")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessage("countersign.connectors.okta.max-attempts: must be a whole number from 1 to 10, was 'eleven'"));
    }
}
