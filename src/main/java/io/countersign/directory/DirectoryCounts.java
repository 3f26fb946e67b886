package io.countersign.directory;

/** Sizes of the directory's contents. */
public record DirectoryCounts(long identities, long accounts, long applications, long entitlements, long groups,
                              long assignments, long roleBundles, long pastRequests) {
}
