package io.countersign.ledger.internal;

/** A checkpoint as stored: its canonical body and the Ed25519 signature over it. */
record SignedCheckpoint(long seq, String body, String signature) {
}
