package io.countersign.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A command that runs inside the application: starts it, runs, shuts it down cleanly. */
abstract class ContextCommand implements Callable<Integer> {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        validate();
        try (ConfigurableApplicationContext context = AppLauncher.start(global(), web(), verbose(), properties())) {
            return run(context);
        }
    }

    /** Checks the command's own input before anything starts; throws {@link CliException#badInput}. */
    void validate() {
    }

    boolean web() {
        return false;
    }

    /** Whether the application's own informational log lines are shown (for long-running commands). */
    boolean verbose() {
        return false;
    }

    Map<String, Object> properties() {
        return Map.of();
    }

    abstract int run(ConfigurableApplicationContext context);

    GlobalOptions global() {
        return ((CountersignCli) spec.root().userObject()).global;
    }

    PrintStream out() {
        return System.out;
    }

    static void printJson(Object value) {
        System.out.println(JSON.writeValueAsString(value));
    }
}
