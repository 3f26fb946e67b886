package io.countersign.directory.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds the entitlement a platform group or application assignment stands for, creating it (standard
 * privilege, internal sensitivity, to be classified by a person) when the catalogue does not know it yet.
 */
final class PlatformCatalogue {

    private final JdbcTemplate jdbc;
    private final Map<String, String> cache = new HashMap<>();
    private int created;

    PlatformCatalogue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int created() {
        return created;
    }

    String entitlementForGroup(String platform, String groupId, String groupName) {
        return cache.computeIfAbsent("group:" + groupId, k -> {
            List<String> known = jdbc.queryForList("select id from entitlement where group_id = ?", String.class, groupId);
            if (!known.isEmpty()) {
                return known.getFirst();
            }
            String application = application(platform, displayName(platform) + " Groups");
            return create(application, displayName(platform) + " Groups", groupName, groupId, "member of " + platform + " group " + groupName);
        });
    }

    String entitlementForApp(String platform, String appName, String permission) {
        String permissionName = permission == null || permission.isBlank() ? "ASSIGNED" : permission;
        return cache.computeIfAbsent("app:" + appName + ":" + permissionName, k -> {
            List<String> known = jdbc.queryForList("select id from entitlement where system = ? and permission = ?", String.class,
                    appName, permissionName);
            if (!known.isEmpty()) {
                return known.getFirst();
            }
            return create(application(platform, appName), appName, permissionName, null, "assigned to " + appName + " on " + platform);
        });
    }

    private String application(String platform, String name) {
        List<String> known = jdbc.queryForList("select id from application where name = ?", String.class, name);
        if (!known.isEmpty()) {
            return known.getFirst();
        }
        String id = "app-" + platform + "-" + PlatformMerger.slug(name);
        jdbc.update("insert into application (id, name, platform, owner, sensitivity) values (?, ?, ?, null, 'INTERNAL')", id, name, platform);
        return id;
    }

    private String create(String applicationId, String system, String permission, String groupId, String description) {
        String id = "ent-" + PlatformMerger.slug(system) + "-" + PlatformMerger.slug(permission);
        jdbc.update("insert into entitlement (id, application_id, system, permission, privilege, sensitivity, description, group_id)"
                + " values (?, ?, ?, ?, 'STANDARD', 'INTERNAL', ?, ?)", id, applicationId, system, permission, description, groupId);
        created++;
        return id;
    }

    private static String displayName(String platform) {
        return switch (platform) {
            case "okta" -> "Okta";
            case "entra" -> "Entra ID";
            case "ad" -> "Active Directory";
            case "scim" -> "SCIM";
            default -> platform;
        };
    }
}
