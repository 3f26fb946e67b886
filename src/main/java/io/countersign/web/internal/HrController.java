package io.countersign.web.internal;

import io.countersign.connectors.workday.HrEvents;
import io.countersign.connectors.workday.HrImportReport;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Worker events from the HR source: the Workday-style webhook (authenticated by its shared secret, not by an
 * operator) and CSV imports (administrators). Bad input answers 400 with every problem under {@code errors}.
 */
@RestController
class HrController {

    private final HrEvents hr;

    HrController(HrEvents hr) {
        this.hr = hr;
    }

    @PostMapping("/hooks/workday")
    HrEvents.Receipt receive(@RequestHeader(name = HrEvents.SECRET_HEADER, required = false) String secret,
                             @RequestBody(required = false) String body) {
        return hr.receive(secret, body);
    }

    /** The body is the CSV file itself ({@code text/csv}); {@code file} names it in problems. */
    @PostMapping(path = "/api/hr/imports", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    HrImportReport importCsv(@RequestParam(defaultValue = "upload.csv") String file, @RequestParam(defaultValue = "false") boolean dryRun,
                             @RequestBody(required = false) String body) {
        if (!file.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("file: must be a plain file name of letters, digits, '.', '_' or '-', was '" + file + "'");
        }
        return hr.importCsv(file, body == null ? "" : body, dryRun);
    }
}
