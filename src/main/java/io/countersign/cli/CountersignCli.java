package io.countersign.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code countersign} command line: {@code main} parses, runs one command and exits with its code. */
@Command(name = "countersign", mixinStandardHelpOptions = true, version = "countersign 0.1.0",
        description = "AI governance for identity and access management: the AI proposes, a person countersigns, the ledger signs.",
        subcommands = {DemoCommand.class, ServeCommand.class, LedgerCommand.class, ExplainCommand.class, ApprovalsCommand.class,
                PolicyCommand.class, SodCommand.class, UsersCommand.class, TokensCommand.class})
public final class CountersignCli implements Runnable {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        CommandLine line = new CommandLine(new CountersignCli());
        line.setParameterExceptionHandler((e, arguments) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("countersign: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("countersign: " + Failures.oneLine(e));
            return e instanceof CliException cli ? cli.exitCode() : Failures.exitCode(e);
        });
        return line.execute(args);
    }

    @Override
    public void run() {
        throw CliException.badInput("a command is required (see 'countersign --help')");
    }
}
