package io.countersign.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import io.countersign.policy.PolicyCheckReport;
import io.countersign.policy.PolicyEngine;
import io.countersign.policy.PolicyTestResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code policy check DIR}. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Work with policy files.",
        subcommands = PolicyCommand.Check.class)
final class PolicyCommand implements Runnable {

    @Override
    public void run() {
        throw CliException.badInput("policy needs a subcommand: check (see 'countersign policy --help')");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a policy directory and run its own test cases. Problems print as file:line: reason.")
    static final class Check implements java.util.concurrent.Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "Directory of policy YAML files.")
        Path directory;

        @Override
        public Integer call() {
            if (!Files.isDirectory(directory)) {
                throw CliException.badInput("DIR: " + directory + " is not a directory");
            }
            PolicyCheckReport report = PolicyEngine.check(directory);
            report.problems().forEach(p -> System.out.println(p));
            for (PolicyTestResult test : report.tests()) {
                System.out.println((test.passed() ? "pass " : "FAIL ") + test.file() + ": " + test.name()
                        + (test.passed() || test.detail() == null ? "" : " (" + test.detail() + ")"));
            }
            long failed = report.tests().stream().filter(t -> !t.passed()).count();
            System.out.printf("%d problems, %d tests, %d failed%n", report.problems().size(), report.tests().size(), failed);
            return report.ok() ? 0 : 1;
        }
    }
}
