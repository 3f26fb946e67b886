package io.countersign.simulator.internal;

import io.countersign.directory.Sensitivity;

/** An application of the catalogue; {@code owner} names the desk or office whose head owns it. */
record ApplicationDef(int index, String name, Platform platform, String owner, Sensitivity sensitivity) {
}
