package io.countersign.lifecycle.requests;

import java.util.Objects;

/**
 * One of the model's reasons for its score, as a reviewer reads it.
 *
 * @param factor       the model's factor, e.g. {@code resource×title}
 * @param contribution its share of the score on the log-odds scale (positive: towards approval)
 * @param sentence     e.g. "For approval: 31 of 33 past requests for this resource from the same title were approved"
 */
public record RequestReason(String factor, double contribution, String sentence) {

    public RequestReason {
        Objects.requireNonNull(factor, "factor == null");
        Objects.requireNonNull(sentence, "sentence == null");
    }
}
