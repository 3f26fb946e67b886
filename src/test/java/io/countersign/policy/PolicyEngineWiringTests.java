package io.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class PolicyEngineWiringTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PolicyProperties.class)
    static class PolicyConfiguration {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PolicyConfiguration.class)
            .withBean(PolicyEngine.class);

    @TempDir
    Path directory;

    @Test
    void startsWithTheShippedDefaultsWhenNoDirectoryIsConfigured() {
        context.run(started -> assertThat(started.getBean(PolicyEngine.class).info().source())
                .isEqualTo("classpath:policies/"));
    }

    @Test
    void startsWithTheConfiguredDirectory() {
        PolicyDirectory.minimal(directory);

        context.withPropertyValues("countersign.policy.directory=" + directory)
                .run(started -> assertThat(started.getBean(PolicyEngine.class).info().source())
                        .isEqualTo(directory.toAbsolutePath().toString()));
    }

    @Test
    void refusesToStartOnABrokenPolicySet() {
        PolicyDirectory.minimal(directory).with("agents.yaml", PolicyDirectory.AGENTS.replace("version: 1", "version: one"));

        context.withPropertyValues("countersign.policy.directory=" + directory).run(failed -> {
            assertThat(failed).hasFailed();
            assertThat(failed.getStartupFailure()).rootCause().isInstanceOf(PolicyException.class)
                    .hasMessage("agents.yaml:3: version must be an integer of at least 1, not 'one'");
        });
    }
}
