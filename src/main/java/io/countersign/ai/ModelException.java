package io.countersign.ai;

/**
 * A problem with approval-model input or a persisted model. The message is one line naming the file or
 * field and the reason, e.g. {@code train.csv:7: ACTION: 'maybe' is not 1/0, true/false or approved/denied}.
 */
public class ModelException extends RuntimeException {

    /** Stable codes: {@code bad-table} (CSV or table input), {@code bad-model} (bytes that are no model), {@code bad-settings}. */
    private final String code;

    public ModelException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    static ModelException badTable(String message) {
        return new ModelException("bad-table", message);
    }
}
