package io.countersign.ledger;

/** The first place a ledger is broken: the sequence number, how, and a one-line detail. */
public record Breach(long seq, BreachKind kind, String detail) {

    @Override
    public String toString() {
        return "seq " + seq + ": " + kind.name().toLowerCase() + " (" + detail + ")";
    }
}
