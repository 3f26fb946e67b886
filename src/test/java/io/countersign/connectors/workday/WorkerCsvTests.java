package io.countersign.connectors.workday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import io.countersign.directory.IdentityKind;
import io.countersign.directory.IdentityStatus;
import org.junit.jupiter.api.Test;

/** The CSV side of the HR source, without a database: what a file yields and how every bad row is reported. */
class WorkerCsvTests {

    static final String HEADER = String.join(",", WorkerFields.COLUMNS);

    @Test
    void readsQuotedFieldsWithCommasAndQuotesAcrossCrlfLinesAfterAByteOrderMark() {
        String file = "\uFEFF" + HEADER + "\r\n"
                + "wd-1,hire,2026-03-02,E100,\"Lovelace, Ada\",ada@bank.example,\"Trader, \"\"Cash\"\"\",Equities,Cash Equities,CC-4100,London,"
                + "E001,employee,2026-03-02,,,,\r\n"
                + "wd-2,transfer,2026-04-01,E101,,,Senior Trader,Equities,Delta One,,,,,,,,Trader,Cash Equities\r\n";

        List<WorkerEvent> events = parse(file);

        assertThat(events).hasSize(2);
        WorkerEvent hire = events.getFirst();
        assertThat(hire.name()).isEqualTo("Lovelace, Ada");
        assertThat(hire.title()).isEqualTo("Trader, \"Cash\"");
        assertThat(hire.employmentType()).isEqualTo(IdentityKind.EMPLOYEE);
        assertThat(hire.status()).isEqualTo(IdentityStatus.ACTIVE);
        assertThat(hire.hireDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(events.get(1).previousDesk()).isEqualTo("Cash Equities");
    }

    @Test
    void takesTheColumnsInAnyOrderAndLeavesOutTheOptionalOnes() {
        List<WorkerEvent> events = parse("employee_id,kind,event_id,effective_date,end_date\nE7,termination,wd-9,2026-05-31,2026-05-31\n");

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(WorkerEventKind.TERMINATION);
            assertThat(e.status()).isEqualTo(IdentityStatus.TERMINATED);
            assertThat(e.endDate()).isEqualTo(LocalDate.of(2026, 5, 31));
        });
    }

    @Test
    void aQuotedLineBreakKeepsTheLineNumbersOfLaterRowsRight() {
        String file = HEADER + "\n"
                + "wd-1,leave_start,2026-03-02,E100,\"two\nlines\",,,,,,,,,,,,,\n"
                + "wd-2,leave_return,someday,E100,,,,,,,,,,,,,,\n";

        assertProblems(file, "workers.csv:4: effective_date: must be a date as YYYY-MM-DD, was 'someday'");
    }

    @Test
    void reportsEveryBadRowAsFileLineFieldReason() {
        String file = HEADER + "\n"
                + "wd-1,hire,2026-03-02,E100,Ada,not-an-address,Trader,Equities,Cash,CC,London,,employee,2026-03-02,,,,\n"
                + "wd-2,promotion,2026-03-02,E101,,,,,,,,,,,,,,\n"
                + ",hire,2026-13-01,,,,,,,,,,,,,,,\n"
                + "wd-4,transfer,2026-03-02,E103,,,Trader,Equities,Cash,,,,,,,,,\n"
                + "wd-5,contract_end,2026-03-02,E104,,,,,,,,,employee,2026-01-01,2025-12-01,,,\n"
                + "wd-6,termination,2026-03-02,E105\n"
                + "wd-7,leave_start,2026-03-02,E106,,,,,,,,,,,,gone,,\n"
                + "wd-1,leave_return,2026-03-02,E100,,,,,,,,,,,,,,\n"
                + "wd-9,termination,2026-03-02,E108,\"unclosed,,,,,,,,,,,,,\n";

        assertProblems(file,
                "workers.csv:2: email: is not an e-mail address: 'not-an-address'",
                "workers.csv:3: kind: must be one of hire, transfer, termination, contract_end, leave_start, leave_return; was 'promotion'",
                "workers.csv:4: effective_date: must be a date as YYYY-MM-DD, was '2026-13-01'",
                "workers.csv:4: event_id: is required",
                "workers.csv:4: employee_id: is required",
                "workers.csv:4: name: is required for a hire",
                "workers.csv:4: email: is required for a hire",
                "workers.csv:4: title: is required for a hire",
                "workers.csv:4: department: is required for a hire",
                "workers.csv:4: desk: is required for a hire",
                "workers.csv:4: location: is required for a hire",
                "workers.csv:4: employment_type: is required for a hire",
                "workers.csv:4: hire_date: is required for a hire",
                "workers.csv:5: previous_title: a transfer needs previous_title or previous_desk",
                "workers.csv:6: end_date: is before hire_date (2026-01-01)",
                "workers.csv:6: employment_type: a contract end is for a contractor, was employee",
                "workers.csv:7: row: has 4 fields, the header has 18",
                "workers.csv:8: status: must be active, leave or terminated, was 'gone'",
                "workers.csv:9: event_id: 'wd-1' is already on line 2",
                "workers.csv:10: row: a quoted field is not closed");
    }

    @Test
    void reportsAHeaderWithUnknownOrMissingColumns() {
        assertProblems("event_id,kind,effective_date,shoe_size\nwd-1,hire,2026-01-01,42\n",
                "workers.csv:1: header: unknown column 'shoe_size'; the columns are " + HEADER,
                "workers.csv:1: header: missing column 'employee_id'");
    }

    @Test
    void anEmptyFileOrOneWithOnlyAHeaderIsBad() {
        assertProblems("", "workers.csv:1: header: the file is empty; the first line must be the header: " + HEADER);
        assertProblems(HEADER + "\r\n\r\n", "workers.csv:2: row: no worker events after the header");
    }

    @Test
    void aDryRunChecksWithoutADatabaseAndCountsByKind() {
        HrImportReport report = HrEvents.check("w.csv", HEADER + "\nwd-1,leave_start,2026-03-02,E1,,,,,,,,,,,,,,\nwd-2,leave_return,2026-04-02,E1,,,,,,,,,,,,,,\n");

        assertThat(report.rows()).isEqualTo(2);
        assertThat(report.stored()).isZero();
        assertThat(report.dryRun()).isTrue();
        assertThat(report.byKind()).containsEntry("leave_start", 1).containsEntry("leave_return", 1);
    }

    @Test
    void thePayloadReadsBackAsTheSameEvent() {
        WorkerEvent hire = parse(HEADER + "\nwd-1,hire,2026-03-02,E100,Ada,ada@bank.example,Trader,Equities,Cash,CC-1,London,E1,contractor,2026-03-02,2026-12-31,,,\n")
                .getFirst();

        assertThat(WorkerEvent.fromPayload(hire.toPayload())).isEqualTo(hire);
    }

    private static List<WorkerEvent> parse(String content) {
        WorkerCsv.Parsed parsed = WorkerCsv.parse("workers.csv", content);
        assertThat(parsed.problems()).isEmpty();
        return parsed.events();
    }

    private static void assertProblems(String content, String... expected) {
        assertThat(WorkerCsv.parse("workers.csv", content).problems()).containsExactly(expected);
        assertThatThrownBy(() -> HrEvents.check("workers.csv", content)).isInstanceOf(HrException.class)
                .hasMessage(expected.length + " problem(s) in workers.csv, nothing was imported");
    }
}
