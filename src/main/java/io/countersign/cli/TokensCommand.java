package io.countersign.cli;

import java.time.Duration;

import io.countersign.operators.IssuedToken;
import io.countersign.operators.Operators;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tokens create|revoke}: API tokens of local users. */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "API tokens (kept only as SHA-256 hashes).",
        subcommands = {TokensCommand.Create.class, TokensCommand.Revoke.class})
final class TokensCommand implements Runnable {

    @Override
    public void run() {
        throw CliException.badInput("tokens needs a subcommand: create or revoke (see 'countersign tokens --help')");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Issue a token; it is printed once, on stdout, and never stored in plain text.")
    static final class Create extends ContextCommand {

        @Parameters(paramLabel = "USERNAME", description = "Whose token.")
        String username;

        @Option(names = "--name", defaultValue = "cli", description = "A label for the token (default: ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--ttl-days", paramLabel = "DAYS", description = "Expire after this many days (default: never).")
        Integer ttlDays;

        @Override
        void validate() {
            if (ttlDays != null && ttlDays < 1) {
                throw CliException.badInput("--ttl-days: must be at least 1, was " + ttlDays);
            }
        }

        @Override
        int run(ConfigurableApplicationContext context) {
            IssuedToken token = context.getBean(Operators.class).issueToken(CliActor.name(), username, name, ttlDays == null ? null : Duration.ofDays(ttlDays));
            System.err.println("token " + token.id() + " for " + token.username() + (token.expiresAt() == null ? "" : ", expires " + token.expiresAt())
                    + "; store it now, it is not shown again:");
            System.out.println(token.token());
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id.")
    static final class Revoke extends ContextCommand {

        @Parameters(paramLabel = "ID", description = "Token id, e.g. tok-1a2b3c4d5e6f.")
        String id;

        @Override
        int run(ConfigurableApplicationContext context) {
            context.getBean(Operators.class).revokeToken(CliActor.name(), id);
            System.out.println("revoked " + id);
            return 0;
        }
    }
}
