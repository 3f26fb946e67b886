/**
 * The directory: who exists, what they hold and where.
 *
 * <p>Identities (employees, contractors, service accounts) with their HR record, accounts per platform,
 * applications and their entitlements, platform groups, role bundles and assignments (who holds which
 * entitlement, since when, granted by whom, last used when), plus the history of past access requests.
 * The entry class is {@link io.countersign.directory.Directory}; the directory is filled from a
 * {@link io.countersign.directory.DirectorySnapshot} (a synthetic bank or a platform sync) and changed
 * only by confirmed platform state, never by a proposal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package io.countersign.directory;
