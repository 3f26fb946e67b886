package io.countersign.simulator.internal;

import java.util.List;

/** A business division: its head's office, its desks, and where and how its people work. */
record Division(int index, String name, double weight, double contractorShare, Weighted<String> locations, Unit office,
                List<Unit> desks) {
}
