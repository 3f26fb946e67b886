package io.countersign.connectors;

import java.util.Map;

/**
 * The target's state after a write, as the platform reports it.
 *
 * @param confirmed whether the state is what the write intended
 */
public record ReadBack(boolean confirmed, Map<String, Object> state) {

    public ReadBack {
        state = Map.copyOf(state);
    }
}
