package io.countersign;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * The Countersign application: one deployable, modules as packages below this one.
 *
 * <p>The process starts in {@code io.countersign.cli.CountersignCli}, which parses the command line before
 * starting Spring, so {@code --help} and bad flags answer at once.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Countersign")
public class CountersignApplication {
}
