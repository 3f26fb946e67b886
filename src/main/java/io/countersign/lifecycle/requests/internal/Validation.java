package io.countersign.lifecycle.requests.internal;

import java.util.Optional;

import io.countersign.directory.Directory;
import io.countersign.directory.Entitlement;
import io.countersign.directory.HrRecord;
import io.countersign.directory.Identity;
import io.countersign.directory.IdentityId;
import io.countersign.directory.IdentityStatus;
import io.countersign.lifecycle.requests.RequestException;
import io.countersign.lifecycle.requests.RequestSubmission;

/** Checks a submission field by field; the first problem is a {@link RequestException} naming the field. */
final class Validation {

    private final Directory directory;
    private final RequestProperties properties;

    Validation(Directory directory, RequestProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    Subject validate(RequestSubmission submission) {
        String justification = justification(submission.justification());
        Integer days = duration(submission.durationDays());
        Identity identity = requester(submission.requester());
        HrRecord hr = directory.hrRecord(identity.id()).orElseThrow(() -> RequestException.invalid("requester",
                identity.id().value() + " has no HR record, so nobody can judge what their role needs"));
        return new Subject(identity, hr, entitlement(submission.entitlementKey()), justification, days);
    }

    private String justification(String text) {
        if (text == null || text.isBlank()) {
            throw RequestException.invalid("justification", "is required: say why the access is needed");
        }
        String trimmed = text.strip();
        if (trimmed.length() < properties.justificationMinLength()) {
            throw RequestException.invalid("justification", "must be at least " + properties.justificationMinLength()
                    + " characters, was " + trimmed.length());
        }
        return trimmed;
    }

    private Integer duration(Integer days) {
        if (days != null && (days < 1 || days > properties.maxDurationDays())) {
            throw RequestException.invalid("duration", "must be between 1 and " + properties.maxDurationDays() + " days, was " + days);
        }
        return days;
    }

    private Identity requester(String requester) {
        if (requester == null || requester.isBlank()) {
            throw RequestException.invalid("requester", "is required: an identity id or an employee id");
        }
        Identity identity = directory.identity(new IdentityId(requester)).or(() -> directory.identityByEmployeeId(requester))
                .orElseThrow(() -> RequestException.invalid("requester", "no identity or employee " + requester));
        if (identity.status() != IdentityStatus.ACTIVE) {
            throw RequestException.invalid("requester", identity.id().value() + " is " + identity.status().name().toLowerCase()
                    + ", not active");
        }
        return identity;
    }

    private Entitlement entitlement(String key) {
        if (key == null || key.isBlank()) {
            throw RequestException.invalid("entitlement", "is required, written System:PERMISSION");
        }
        Optional<Entitlement> entitlement = directory.entitlementByKey(key.strip());
        return entitlement.orElseThrow(() -> RequestException.invalid("entitlement", "no entitlement '" + key.strip()
                + "' in the directory (written System:PERMISSION)"));
    }
}
