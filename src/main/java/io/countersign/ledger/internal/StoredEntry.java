package io.countersign.ledger.internal;

import java.util.Map;

/**
 * An entry as found in storage, before it is trusted.
 *
 * @param position      where it was found: the seq column, or the line number in an export
 * @param hashColumn    the stored hash, {@code null} in an export (there the hash is recomputed)
 * @param prevHashColumn the stored prev_hash copy, {@code null} in an export
 * @param columns       other copies kept beside the body for querying, by body field name
 */
record StoredEntry(long position, String body, String hashColumn, String prevHashColumn, Map<String, Object> columns) {
}
