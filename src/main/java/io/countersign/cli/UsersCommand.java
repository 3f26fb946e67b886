package io.countersign.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.countersign.operators.Operator;
import io.countersign.operators.Operators;
import io.countersign.operators.Role;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code users add|list}: local users of the embedded default. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Local users (passwords kept as Argon2id hashes).",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class})
final class UsersCommand implements Runnable {

    @Override
    public void run() {
        throw CliException.badInput("users needs a subcommand: add or list (see 'countersign users --help')");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a local user.")
    static final class Add extends ContextCommand {

        @Parameters(paramLabel = "USERNAME", description = "Lower-case letters, digits, '.', '_' or '-'.")
        String username;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "admin, compliance_officer, approver, reviewer, auditor or agent (repeatable).")
        List<String> roles;

        @Option(names = "--display-name", paramLabel = "NAME", description = "Shown in the ledger and the UI.")
        String displayName;

        @Option(names = "--identity", paramLabel = "ID", description = "The bank identity this user is (for dual control).")
        String identityId;

        @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the password (at least 12 characters).")
        Path passwordFile;

        @Option(names = "--no-password", description = "A token-only user, e.g. an agent.")
        boolean noPassword;

        private Set<Role> parsedRoles;

        @Override
        void validate() {
            if (noPassword == (passwordFile != null)) {
                throw CliException.badInput("--password-file or --no-password: exactly one is required");
            }
            if (passwordFile != null && !Files.isReadable(passwordFile)) {
                throw CliException.badInput("--password-file: cannot read " + passwordFile);
            }
            parsedRoles = EnumSet.noneOf(Role.class);
            for (String role : roles) {
                try {
                    parsedRoles.add(Role.parse(role));
                } catch (IllegalArgumentException e) {
                    throw CliException.badInput("--role: " + e.getMessage());
                }
            }
        }

        @Override
        int run(ConfigurableApplicationContext context) {
            char[] password = null;
            try {
                password = passwordFile == null ? null : Files.readString(passwordFile).strip().toCharArray();
            } catch (IOException e) {
                throw CliException.badInput("--password-file: cannot read " + passwordFile);
            }
            Operator added = context.getBean(Operators.class).addUser(CliActor.name(), username, displayName, parsedRoles, password, identityId);
            System.out.println("added " + added.username() + " with roles " + added.roles());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List local users.")
    static final class ListUsers extends ContextCommand {

        @Override
        int run(ConfigurableApplicationContext context) {
            for (Operator o : context.getBean(Operators.class).list()) {
                System.out.printf("%-24s %-40s identity=%s%s%n", o.username(), o.roles(), o.identityId(), o.disabled() ? " (disabled)" : "");
            }
            return 0;
        }
    }
}
