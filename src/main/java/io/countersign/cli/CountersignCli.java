package io.countersign.cli;

import io.countersign.CountersignApplication;
import org.springframework.boot.SpringApplication;

/** The {@code countersign} command line. */
public final class CountersignCli {

    private CountersignCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        SpringApplication.run(CountersignApplication.class, args);
        return 0;
    }
}
