package io.countersign.directory.internal;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/** Finds the identity a platform account belongs to: by HR employee id first, then by e-mail address. */
final class IdentityMatcher {

    private final Map<String, String> byEmployeeId = new HashMap<>();
    private final Map<String, String> byEmail = new HashMap<>();

    IdentityMatcher(JdbcTemplate jdbc) {
        jdbc.query("select id, employee_id, email from identity", (ResultSet rs) -> {
            while (rs.next()) {
                if (rs.getString(2) != null) {
                    byEmployeeId.put(rs.getString(2), rs.getString(1));
                }
                if (rs.getString(3) != null) {
                    byEmail.put(rs.getString(3).toLowerCase(Locale.ROOT), rs.getString(1));
                }
            }
            return null;
        });
    }

    Optional<String> match(String employeeId, String email) {
        if (employeeId != null && byEmployeeId.containsKey(employeeId)) {
            return Optional.of(byEmployeeId.get(employeeId));
        }
        return email == null ? Optional.empty() : Optional.ofNullable(byEmail.get(email.toLowerCase(Locale.ROOT)));
    }
}
