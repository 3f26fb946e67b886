package io.countersign.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.countersign.operators.Operator;
import io.countersign.operators.Operators;
import picocli.CommandLine.Option;

/** Who runs a deciding command: a local user proven by a password file or an API token file. */
final class Credentials {

    @Option(names = "--as", required = true, paramLabel = "USER", description = "The Countersign user taking the decision.")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the user's password.")
    Path passwordFile;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding one of the user's API tokens.")
    Path tokenFile;

    void validate() {
        if ((passwordFile == null) == (tokenFile == null)) {
            throw CliException.badInput("--password-file or --token-file: exactly one is required to prove who --as " + username + " is");
        }
        Path file = passwordFile != null ? passwordFile : tokenFile;
        if (!Files.isReadable(file)) {
            throw CliException.badInput((passwordFile != null ? "--password-file" : "--token-file") + ": cannot read " + file);
        }
    }

    Operator authenticate(Operators operators) {
        try {
            if (tokenFile != null) {
                return operators.resolveToken(Files.readString(tokenFile).strip())
                        .filter(o -> o.username().equals(username))
                        .orElseThrow(() -> CliException.badInput("--token-file: not a valid token of " + username));
            }
            return operators.authenticate(username, Files.readString(passwordFile).strip().toCharArray())
                    .orElseThrow(() -> CliException.badInput("--as: bad user name or password for " + username));
        } catch (IOException e) {
            throw CliException.badInput("cannot read the credentials file: " + e.getMessage());
        }
    }
}
