package io.countersign.connectors.compliance;

import java.util.List;
import java.util.Objects;

/** What the compliance API said about a worker in a role. */
public sealed interface ComplianceCheck {

    /**
     * The API answered.
     *
     * @param flags         e.g. {@code SOX}, {@code Volcker Rule}, {@code FINRA Series 7 pending}
     * @param registrations the worker's registrations as {@code exam:status}, e.g. {@code Series 7:PENDING}
     * @param crd           the worker's CRD number, if registered
     */
    record Flags(List<String> flags, List<String> registrations, String crd) implements ComplianceCheck {
        public Flags {
            flags = List.copyOf(flags);
            registrations = List.copyOf(registrations);
        }
    }

    /** No answer: not configured, unreachable, too slow or failing. The reason names which. */
    record Unavailable(String reason) implements ComplianceCheck {
        public Unavailable {
            Objects.requireNonNull(reason, "reason == null");
        }
    }
}
