package io.countersign.simulator.internal.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Graph's server-driven paging: {@code $top} items a page (the resource's default when absent, refused above
 * its maximum), and an opaque {@code $skiptoken} in an absolute {@code @odata.nextLink} while more remain. The
 * token carries only the offset, so a link stays valid for as long as the listing's order holds, and a client
 * that restarts can follow a link it stored.
 */
final class Skiptoken {

    private static final String PREFIX = "X'44537074";

    private Skiptoken() {
    }

    static String of(int offset) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(("o=" + offset).getBytes(StandardCharsets.UTF_8)) + "'";
    }

    static int offset(String token) {
        if (token == null) {
            return 0;
        }
        try {
            if (!token.startsWith(PREFIX) || !token.endsWith("'")) {
                throw new IllegalArgumentException();
            }
            String decoded = new String(Base64.getUrlDecoder().decode(token.substring(PREFIX.length(), token.length() - 1)),
                    StandardCharsets.UTF_8);
            int offset = Integer.parseInt(decoded.substring(2));
            if (!decoded.startsWith("o=") || offset < 0) {
                throw new IllegalArgumentException();
            }
            return offset;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new GraphRequest.BadRequest("Request_BadRequest", "Invalid value for '$skiptoken' query parameter.");
        }
    }

    static int top(GraphRequest request, int defaultTop, int maxTop) {
        String top = request.option("$top");
        if (top == null) {
            return defaultTop;
        }
        try {
            int value = Integer.parseInt(top);
            if (value >= 1 && value <= maxTop) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new GraphRequest.BadRequest("Request_BadRequest",
                "Invalid page size specified: '" + top + "'. Must be between 1 and " + maxTop + " inclusive.");
    }

    /** Answers one page of {@code items}, rendering only that page's items. */
    static <T> void page(GraphRequest request, String context, List<T> items, int defaultTop, int maxTop,
                         Function<T, Map<String, Object>> render) throws IOException {
        int top = request.pageLimit() > 0 ? Math.min(request.pageLimit(), top(request, defaultTop, maxTop)) : top(request, defaultTop, maxTop);
        int offset = Math.min(offset(request.option("$skiptoken")), items.size());
        int end = Math.min(items.size(), offset + top);
        List<Map<String, Object>> value = new ArrayList<>(end - offset);
        for (T item : items.subList(offset, end)) {
            value.add(render.apply(item));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", request.apiBase() + "/$metadata#" + context);
        if (end < items.size()) {
            body.put("@odata.nextLink", request.nextLink(end));
        }
        body.put("value", value);
        request.json(200, body);
    }
}
