package io.countersign.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code countersign} command line: {@code main} parses, runs one command and exits with its code. */
@Command(name = "countersign", mixinStandardHelpOptions = true, version = "countersign 0.1.0",
        description = "AI governance for identity and access management: the AI proposes, a person countersigns, the ledger signs.",
        subcommands = {DemoCommand.class, ServeCommand.class, LedgerCommand.class, ExplainCommand.class, ApprovalsCommand.class,
                PolicyCommand.class, SodCommand.class, UsersCommand.class, TokensCommand.class, SimCommand.class, SyncCommand.class,
                HrCommand.class, ModelCommand.class, BenchCommand.class, RequestCommand.class})
public final class CountersignCli implements Runnable {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code: 0 done, 1 failed, 2 bad input (one line on stderr). */
    public static int run(String[] args) {
        CountersignCli cli = new CountersignCli();
        CommandLine line = new CommandLine(cli);
        line.setExecutionStrategy(parseResult -> cli.execute(line, parseResult));
        line.setParameterExceptionHandler((e, arguments) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            e.getCommandLine().getErr().println("countersign: " + Failures.oneLine(problem(e, command))
                    + " (see '" + command + " --help')");
            return 2;
        });
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("countersign: " + Failures.oneLine(e));
            return e instanceof CliException failure ? failure.exitCode() : Failures.exitCode(e);
        });
        return line.execute(args);
    }

    /** Help first; then the global flags, checked once whatever the command, then the command. */
    private int execute(CommandLine line, ParseResult parseResult) {
        Integer help = CommandLine.executeHelpRequest(parseResult);
        if (help != null) {
            return help;
        }
        try {
            global.validate();
        } catch (CliException e) {
            throw new ParameterException(line, e.getMessage());
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** An unknown word where a command has subcommands is an unknown command, not an argument at some index. */
    private static String problem(ParameterException e, String command) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getCommandLine().getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().getFirst().startsWith("-")) {
            return "'" + unmatched.getUnmatched().getFirst() + "' is not a " + command + " command";
        }
        return e.getMessage();
    }

    @Override
    public void run() {
        throw CliException.badInput("a command is required (see 'countersign --help')");
    }
}
