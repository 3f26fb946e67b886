package io.countersign.directory.internal;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.countersign.directory.PlatformSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds the identity a platform account belongs to: by HR employee id first, then by e-mail address. An
 * account carrying an employee id nobody has yet becomes a new identity (the platform vouches for a person;
 * the HR source completes the record when it arrives); an account with neither is an orphan.
 */
final class IdentityMatcher {

    private final JdbcTemplate jdbc;
    private final Map<String, String> byEmployeeId = new HashMap<>();
    private final Map<String, String> byEmail = new HashMap<>();
    private int created;

    IdentityMatcher(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    Optional<String> matchOrCreate(PlatformSnapshot.User user) {
        Optional<String> known = match(user.employeeId(), user.email());
        if (known.isPresent() || user.employeeId() == null || user.employeeId().isBlank()) {
            return known;
        }
        String id = "idn-" + PlatformMerger.slug(user.employeeId());
        jdbc.update("insert into identity (id, employee_id, display_name, email, kind, status) values (?, ?, ?, ?, 'EMPLOYEE', 'ACTIVE')"
                + " on conflict do nothing", id, user.employeeId(), user.displayName() == null ? user.login() : user.displayName(), user.email());
        byEmployeeId.put(user.employeeId(), id);
        if (user.email() != null) {
            byEmail.putIfAbsent(user.email().toLowerCase(Locale.ROOT), id);
        }
        created++;
        return Optional.of(id);
    }

    int created() {
        return created;
    }

    Optional<String> match(String employeeId, String email) {
        if (employeeId != null && byEmployeeId.containsKey(employeeId)) {
            return Optional.of(byEmployeeId.get(employeeId));
        }
        return email == null ? Optional.empty() : Optional.ofNullable(byEmail.get(email.toLowerCase(Locale.ROOT)));
    }
}
