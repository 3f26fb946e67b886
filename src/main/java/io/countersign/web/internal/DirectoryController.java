package io.countersign.web.internal;

import java.util.List;
import java.util.Map;

import io.countersign.directory.Account;
import io.countersign.directory.Assignment;
import io.countersign.directory.Directory;
import io.countersign.directory.HrRecord;
import io.countersign.directory.Identity;
import io.countersign.directory.IdentityId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Directory read-outs. */
@RestController
@RequestMapping("/api/directory")
class DirectoryController {

    private final Directory directory;

    DirectoryController(Directory directory) {
        this.directory = directory;
    }

    record IdentityView(Identity identity, HrRecord hr, List<Account> accounts, List<Assignment> assignments) { }

    @GetMapping("/summary")
    Map<String, Object> summary() {
        return Map.of("source", directory.source().orElse("empty"), "counts", directory.counts());
    }

    @GetMapping("/identities")
    List<Identity> identities(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset: must be at least 0, was " + offset);
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit: must be between 1 and 1000, was " + limit);
        }
        return directory.identities(offset, limit);
    }

    @GetMapping("/identities/{id}")
    IdentityView identity(@PathVariable String id) {
        IdentityId identityId = new IdentityId(id);
        Identity identity = directory.identity(identityId).orElseThrow(() -> new ProblemHandler.NotFound("no identity " + id));
        return new IdentityView(identity, directory.hrRecord(identityId).orElse(null), directory.accountsOf(identityId),
                directory.assignmentsOf(identityId));
    }
}
