package io.countersign.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

import io.countersign.connectors.workday.HrEvents;
import io.countersign.connectors.workday.HrException;
import io.countersign.connectors.workday.HrImportReport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hr import FILE [--dry-run]}. */
@Command(name = "hr", mixinStandardHelpOptions = true, description = "Worker events from the HR source.", subcommands = HrCommand.Import.class)
final class HrCommand implements Runnable {

    @Override
    public void run() {
        throw CliException.badInput("hr needs a subcommand: import (see 'countersign hr --help')");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import worker events from a CSV file (UTF-8), all rows or none. The header names the columns:",
                    "event_id,kind,effective_date,employee_id,name,email,title,department,desk,cost_centre,location,",
                    "manager_employee_id,employment_type,hire_date,end_date,status,previous_title,previous_desk",
                    "(the first four are required; kind is hire, transfer, termination, contract_end, leave_start or leave_return;",
                    "dates are YYYY-MM-DD). Every bad row prints as FILE:LINE: field: reason, and nothing is imported (exit 2)."})
    static final class Import extends ContextCommand {

        @Parameters(paramLabel = "FILE", description = "The CSV file.")
        Path file;

        @Option(names = "--dry-run", description = "Check the file only; import nothing.")
        boolean dryRun;

        private String content;
        private HrImportReport checked;

        /** A dry run needs no database: the file is checked before anything starts. */
        @Override
        public Integer call() {
            if (!dryRun) {
                return super.call();
            }
            validate();
            System.out.println(checked.file() + ": " + checked.rows() + " worker event(s) are valid (" + kinds(checked) + "); nothing imported (dry run)");
            return 0;
        }

        @Override
        void validate() {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw CliException.badInput("FILE: " + file + " is not a readable file");
            }
            try {
                content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
                checked = HrEvents.check(file.toString(), content);
            } catch (CharacterCodingException e) {
                throw CliException.badInput("FILE: " + file + " is not UTF-8 text");
            } catch (IOException e) {
                throw CliException.badInput("FILE: cannot read " + file + ": " + e.getMessage());
            } catch (HrException e) {
                e.problems().forEach(System.err::println);
                throw CliException.badInput(e.getMessage());
            }
        }

        @Override
        int run(ConfigurableApplicationContext context) {
            HrImportReport report = context.getBean(HrEvents.class).importCsv(file.toString(), content, false);
            AppLauncher.awaitEventsHandled(context, Duration.ofSeconds(30));
            System.out.println("imported " + report.rows() + " worker event(s) from " + report.file() + ": " + report.stored() + " new, "
                    + report.alreadyImported() + " already imported (" + kinds(report) + ")");
            return 0;
        }

        private static String kinds(HrImportReport report) {
            return report.byKind().entrySet().stream().map(k -> k.getKey() + " " + k.getValue()).collect(Collectors.joining(", "));
        }
    }
}
