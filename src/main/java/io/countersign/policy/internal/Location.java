package io.countersign.policy.internal;

/** A line in a policy file, for problems and evaluation errors. */
record Location(String file, int line) {

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
