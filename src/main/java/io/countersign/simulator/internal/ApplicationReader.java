package io.countersign.simulator.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.countersign.directory.PrivilegeLevel;
import io.countersign.directory.Sensitivity;

/** Reads {@code applications.yaml}: the applications and their entitlements, per-desk ones expanded. */
final class ApplicationReader {

    /** A desk as per-desk entitlements see it. */
    record DeskLabel(String name, String code) {
    }

    private final List<DeskLabel> desks;
    private final List<ApplicationDef> applications = new ArrayList<>();
    private final List<EntitlementDef> entitlements = new ArrayList<>();
    private final Map<String, Integer> byKey = new HashMap<>();

    ApplicationReader(List<DeskLabel> desks) {
        this.desks = desks;
    }

    List<ApplicationDef> applications() {
        return applications;
    }

    List<EntitlementDef> entitlements() {
        return entitlements;
    }

    Map<String, Integer> byKey() {
        return byKey;
    }

    ApplicationReader read(YamlNode file) {
        for (YamlNode node : file.list("applications")) {
            ApplicationDef application = new ApplicationDef(applications.size(), node.text("name"),
                    platform(node), node.text("owner"), Sensitivity.valueOf(node.text("sensitivity")));
            applications.add(application);
            String grouping = node.text("groups", "named");
            for (YamlNode row : node.list("entitlements")) {
                add(application, node.text("code"), grouping, row, "", "");
            }
            for (YamlNode row : node.list("perDesk")) {
                for (DeskLabel desk : desks) {
                    add(application, node.text("code"), grouping, row, desk.code(), desk.name());
                }
            }
        }
        return this;
    }

    private void add(ApplicationDef application, String code, String grouping, YamlNode row, String deskCode,
                     String deskName) {
        List<YamlNode> cells = row.list();
        if (cells.size() != 4) {
            throw row.invalid("expected [permission, privilege, sensitivity, description]");
        }
        String permission = cells.get(0).text().replace("{DESK}", deskCode);
        String description = cells.get(3).text().replace("{desk}", deskName);
        EntitlementDef entitlement = new EntitlementDef(entitlements.size(), application, permission,
                PrivilegeLevel.valueOf(cells.get(1).text()), Sensitivity.valueOf(cells.get(2).text()), description,
                groupName(application.platform(), grouping, code, permission, row));
        if (byKey.putIfAbsent(entitlement.key(), entitlement.index()) != null) {
            throw row.invalid("entitlement " + entitlement.key() + " is listed twice");
        }
        entitlements.add(entitlement);
    }

    private static Platform platform(YamlNode node) {
        try {
            return Platform.of(node.text("platform"));
        } catch (IllegalArgumentException e) {
            throw node.invalid(e.getMessage());
        }
    }

    private static String groupName(Platform platform, String grouping, String code, String permission, YamlNode row) {
        return switch (grouping) {
            case "none" -> null;
            case "permission" -> permission;
            case "named" -> {
                if (platform.groupPrefix == null) {
                    throw row.invalid("platform " + platform.id + " has no groups; say 'groups: none'");
                }
                yield platform.groupPrefix + "-" + code + "-" + normalised(permission);
            }
            default -> throw row.invalid("groups must be named, permission or none, was " + grouping);
        };
    }

    private static String normalised(String permission) {
        return permission.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
