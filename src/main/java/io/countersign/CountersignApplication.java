package io.countersign;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Countersign application: one deployable, modules as packages below this one.
 *
 * <p>The process starts in {@code io.countersign.cli.CountersignCli}, which parses the command line before
 * starting Spring, so {@code --help} and bad flags answer at once.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Countersign")
@EnableAsync
@EnableScheduling
public class CountersignApplication {
}
