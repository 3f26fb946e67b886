package io.countersign.policy.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Compiles policy expressions. Each kind of expression sees only its own variables, all declared as
 * {@code map(string, dyn)}, so a reference to another variable is a load error, not a runtime surprise.
 */
final class Expressions {

    /** The variables an expression may use. */
    enum Variables {
        IDENTITY("identity"),
        ENTITLEMENT("entitlement"),
        ENTITLEMENT_AND_ITEM("entitlement", "item");

        private final List<String> names;

        Variables(String... names) {
            this.names = List.of(names);
        }
    }

    private static final CelType FACTS = MapType.create(SimpleType.STRING, SimpleType.DYN);

    private final Map<Variables, CelCompiler> compilers = new EnumMap<>(Variables.class);
    private final CelRuntime runtime;

    Expressions() {
        CelOptions options = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
        for (Variables variables : Variables.values()) {
            CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                    .setOptions(options)
                    .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                    .addLibraries(CelExtensions.strings());
            variables.names.forEach(name -> builder.addVar(name, FACTS));
            compilers.put(variables, builder.build());
        }
        runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(options)
                .addLibraries(CelExtensions.strings())
                .build();
    }

    /**
     * Compiles the expression in {@code node}, which must return bool.
     *
     * @param field   the YAML key holding the expression, for messages
     * @param subject what the expression decides, for runtime error messages
     */
    Condition compile(YamlMap owner, String field, Variables variables, String subject) {
        ParseContext context = owner.context();
        Node node = owner.node(field);
        String expression = owner.text(node, field);
        CelValidationResult result = compilers.get(variables).compile(expression);
        if (result.hasError()) {
            CelIssue issue = result.getErrors().getFirst();
            throw context.fail(node, "invalid CEL in " + field + " (column "
                    + (issue.getSourceLocation().getColumn() + 1) + "): " + issue.getMessage());
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            CelType type = ast.getResultType();
            if (!type.equals(SimpleType.BOOL)) {
                throw context.fail(node, "CEL in " + field + " must return bool, not " + type.name()
                        + (type.equals(SimpleType.DYN) ? " (compare explicitly, e.g. item.approved == true)" : ""));
            }
            return new Condition(expression, context.at(node), subject, runtime.createProgram(ast));
        } catch (CelValidationException | CelEvaluationException e) {
            throw context.fail(node, "invalid CEL in " + field + ": " + e.getMessage());
        }
    }
}
