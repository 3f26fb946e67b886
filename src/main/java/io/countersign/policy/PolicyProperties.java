package io.countersign.policy;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the policy set comes from.
 *
 * @param directory directory of {@code *.yaml} policy files; unset or blank means the default set shipped
 *                  on the classpath under {@code policies/}
 */
@ConfigurationProperties("countersign.policy")
public record PolicyProperties(Path directory) {

    /** True when no directory is configured and the shipped defaults apply. */
    public boolean useDefaults() {
        return directory == null || directory.toString().isBlank();
    }
}
