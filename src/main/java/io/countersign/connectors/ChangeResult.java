package io.countersign.connectors;

/** What a platform did with a write. A business "no" is a value, not an exception. */
public sealed interface ChangeResult {

    String detail();

    /** The change was made. */
    record Applied(String detail) implements ChangeResult { }

    /** Nothing to do: the target already was in the requested state. */
    record AlreadyInState(String detail) implements ChangeResult { }

    /** Not attempted or refused: outside the agent's scope, or refused by the platform (e.g. no such account). */
    record Rejected(String detail) implements ChangeResult { }

    /** The platform could not be reached or failed; {@code retryable} when trying again may help. */
    record Failed(String detail, boolean retryable) implements ChangeResult { }
}
