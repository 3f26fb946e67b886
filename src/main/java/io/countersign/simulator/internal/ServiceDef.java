package io.countersign.simulator.internal;

/** A non-human identity template, owned by someone on {@code ownerUnit}; its role carries its grants. */
record ServiceDef(String name, int ownerUnit, Role role) {
}
