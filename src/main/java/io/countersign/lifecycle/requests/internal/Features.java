package io.countersign.lifecycle.requests.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.countersign.directory.EntitlementId;
import io.countersign.directory.HrRecord;
import io.countersign.directory.IdentityKind;
import io.countersign.directory.PastAccessRequest;

/**
 * The approval model's columns: the resource and the requester's role attributes as they were when the request was
 * decided (history) or are now (a new request). The model forms combinations of them itself.
 */
final class Features {

    static final List<String> COLUMNS = List.of("resource", "manager", "department", "desk", "title", "location", "cost_centre",
            "employment_type");

    private Features() {
    }

    static List<String> of(PastAccessRequest past) {
        return List.of(past.entitlementId().value(), text(past.managerId()), text(past.department()), text(past.desk()),
                text(past.title()), text(past.location()), text(past.costCentre()), kind(past.employmentType()));
    }

    static Map<String, String> of(EntitlementId resource, HrRecord hr) {
        List<String> values = List.of(resource.value(), hr.managerId() == null ? "" : hr.managerId().value(), hr.department(),
                hr.desk(), hr.title(), hr.location(), hr.costCentre(), kind(hr.employmentType()));
        Map<String, String> features = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            features.put(COLUMNS.get(i), values.get(i));
        }
        return features;
    }

    private static String kind(IdentityKind kind) {
        return kind == null ? "" : kind.name();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
