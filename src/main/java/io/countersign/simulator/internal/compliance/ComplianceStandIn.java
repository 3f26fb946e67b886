package io.countersign.simulator.internal.compliance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.internal.http.Exchanges;
import io.countersign.simulator.internal.http.StandIn;

/**
 * A compliance API: {@code GET /compliance/v1/registrations/{employeeId}?title=&department=&location=} with a
 * bearer token answers the worker's FINRA-style registrations (a CRD number and exams, deterministic per employee
 * id: roughly one in three has Series 7 still pending), the registrations the role requires (trading and sales
 * titles need Series 7 and 63, advisors Series 65) and the programmes that cover it (SOX for everyone in a front-office
 * or finance division, the Volcker Rule for trading desks).
 */
public final class ComplianceStandIn implements StandIn {

    private static final String PREFIX = "/compliance";
    private final String token;

    public ComplianceStandIn(StandInOptions options) {
        this.token = options.token();
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String describe(String baseUrl) {
        return "compliance  " + baseUrl + PREFIX + "  (Bearer token)";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            Exchanges.json(exchange, 401, Map.of("error", "unauthorized"));
            return;
        }
        String[] path = Exchanges.path(exchange, PREFIX).replaceAll("^/+", "").split("/");
        if (!exchange.getRequestMethod().equals("GET") || path.length != 3 || !path[0].equals("v1") || !path[1].equals("registrations")) {
            Exchanges.json(exchange, 404, Map.of("error", "no such resource"));
            return;
        }
        Map<String, String> query = Exchanges.query(exchange);
        Exchanges.json(exchange, 200, answer(path[2], query.getOrDefault("title", ""), query.getOrDefault("department", "")));
    }

    static Map<String, Object> answer(String employeeId, String title, String department) {
        String t = title.toLowerCase(Locale.ROOT);
        List<String> required = new ArrayList<>();
        if (t.contains("trader") || t.contains("sales")) {
            required.addAll(List.of("Series 7", "Series 63"));
        } else if (t.contains("advisor") || t.contains("relationship manager")) {
            required.add("Series 65");
        }
        List<String> programs = new ArrayList<>();
        if (List.of("Equities", "Fixed Income", "Wealth Management", "Finance", "Operations", "Treasury").contains(department)) {
            programs.add("SOX");
        }
        if (t.contains("trader") && (department.equals("Equities") || department.equals("Fixed Income"))) {
            programs.add("Volcker Rule");
        }
        boolean pending = Math.floorMod(employeeId.hashCode(), 3) == 0;
        List<Map<String, String>> registrations = new ArrayList<>();
        registrations.add(Map.of("exam", "SIE", "status", "PASSED"));
        required.forEach(exam -> registrations.add(Map.of("exam", exam, "status", pending && exam.equals("Series 7") ? "PENDING" : "PASSED")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("employee_id", employeeId);
        body.put("crd", String.valueOf(1_000_000 + Math.floorMod(employeeId.hashCode(), 8_999_999)));
        body.put("registrations", registrations);
        body.put("required_registrations", required);
        body.put("programs", programs);
        return body;
    }
}
