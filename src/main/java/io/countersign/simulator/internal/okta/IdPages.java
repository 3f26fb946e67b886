package io.countersign.simulator.internal.okta;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Okta's cursor paging over a list ordered by id: {@code after} is the last id of the previous page. */
final class IdPages {

    record Page<T>(List<T> items, Optional<String> nextAfter) { }

    private IdPages() {
    }

    static <T> List<T> sortedById(List<T> items, Function<T, String> id) {
        return items.stream().sorted(Comparator.comparing(id)).toList();
    }

    static <T> Page<T> page(List<T> sortedById, Function<T, String> id, Optional<String> after, int limit) {
        int from = after.map(a -> firstAfter(sortedById, id, a)).orElse(0);
        int to = Math.min(sortedById.size(), from + limit);
        List<T> items = sortedById.subList(from, to);
        Optional<String> next = to < sortedById.size() && !items.isEmpty() ? Optional.of(id.apply(items.getLast())) : Optional.empty();
        return new Page<>(items, next);
    }

    private static <T> int firstAfter(List<T> sortedById, Function<T, String> id, String after) {
        int found = Collections.binarySearch(sortedById.stream().map(id).toList(), after);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
