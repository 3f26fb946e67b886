package io.countersign.simulator.internal.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.SimulatedTenant.Event;
import io.countersign.simulator.SimulatedTenant.User;

/**
 * The tenant's events in Graph's resource shapes: a sign-in ({@code signIn}) for each session start, an audit
 * record ({@code directoryAudit}) for each directory change, and a risk detection ({@code riskDetection}) for
 * each sign-in from outside the bank's home country (or an event recorded as {@code risk.detected}).
 */
final class ActivityRecords {

    private static final String HOME_COUNTRY = "US";
    private static final int INVALID_PASSWORD = 50126;

    private final SimulatedTenant tenant;

    ActivityRecords(SimulatedTenant tenant) {
        this.tenant = tenant;
    }

    static boolean isSignIn(Event e) {
        return e.type().equals("user.session.start") || e.type().startsWith("user.authentication.");
    }

    static boolean isRisk(Event e) {
        return e.type().equals("risk.detected") || isSignIn(e) && e.country() != null && !e.country().equals(HOME_COUNTRY);
    }

    static boolean isAudit(Event e) {
        return !isSignIn(e) && !e.type().startsWith("risk.");
    }

    Map<String, Object> signIn(Event e) {
        Optional<User> user = tenant.userByLogin(GraphUsers.PLATFORM, e.actorLogin());
        boolean failed = !"SUCCESS".equals(e.outcome());
        boolean risky = isRisk(e);
        Map<String, Object> signIn = new LinkedHashMap<>();
        signIn.put("id", e.id());
        signIn.put("createdDateTime", GraphRecords.seconds(e.at()));
        signIn.put("userDisplayName", user.map(GraphUsers::displayName).orElse(e.actorLogin()));
        signIn.put("userPrincipalName", e.actorLogin());
        signIn.put("userId", user.map(User::externalId).orElse(null));
        signIn.put("appId", GraphRecords.guid("appId:Office 365"));
        signIn.put("appDisplayName", "Office 365");
        signIn.put("ipAddress", e.ip());
        signIn.put("clientAppUsed", "Browser");
        signIn.put("correlationId", GraphRecords.guid("correlation:" + e.id()));
        signIn.put("conditionalAccessStatus", failed ? "notApplied" : "success");
        signIn.put("isInteractive", true);
        signIn.put("riskDetail", "none");
        signIn.put("riskLevelAggregated", risky ? "medium" : "none");
        signIn.put("riskLevelDuringSignIn", risky ? "medium" : "none");
        signIn.put("riskState", risky ? "atRisk" : "none");
        signIn.put("riskEventTypes_v2", risky ? List.of("unfamiliarFeatures") : List.of());
        signIn.put("resourceDisplayName", "Office 365 Exchange Online");
        signIn.put("resourceId", GraphRecords.guid("resource:Office 365 Exchange Online"));
        signIn.put("status", status(failed));
        signIn.put("deviceDetail", device(e));
        signIn.put("location", location(e));
        signIn.put("appliedConditionalAccessPolicies", List.of());
        return signIn;
    }

    private static Map<String, Object> status(boolean failed) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("errorCode", failed ? INVALID_PASSWORD : 0);
        status.put("failureReason", failed ? "Error validating credentials due to invalid username or password." : "Other.");
        status.put("additionalDetails", failed ? "The user didn't enter the right credentials." : null);
        return status;
    }

    private static Map<String, Object> device(Event e) {
        Object client = e.details().get("client");
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("deviceId", "");
        device.put("displayName", "");
        device.put("operatingSystem", client != null && client.toString().contains("Windows") ? "Windows10" : "Ios");
        device.put("browser", client == null ? "" : client.toString());
        device.put("isCompliant", false);
        device.put("isManaged", false);
        device.put("trustType", "");
        return device;
    }

    private static Map<String, Object> location(Event e) {
        Map<String, Object> coordinates = new LinkedHashMap<>();
        coordinates.put("altitude", null);
        coordinates.put("latitude", null);
        coordinates.put("longitude", null);
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("city", e.city());
        location.put("state", null);
        location.put("countryOrRegion", e.country());
        location.put("geoCoordinates", coordinates);
        return location;
    }

    Map<String, Object> directoryAudit(Event e) {
        Activity activity = Activity.of(e.type());
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("id", e.id());
        audit.put("category", activity.category());
        audit.put("correlationId", GraphRecords.guid("correlation:" + e.id()));
        audit.put("result", "SUCCESS".equals(e.outcome()) ? "success" : "failure");
        audit.put("resultReason", "");
        audit.put("activityDisplayName", activity.displayName());
        audit.put("activityDateTime", GraphRecords.millis(e.at()));
        audit.put("loggedByService", "Core Directory");
        audit.put("operationType", activity.operationType());
        audit.put("initiatedBy", initiatedBy(e));
        audit.put("targetResources", targets(e));
        audit.put("additionalDetails", List.of());
        return audit;
    }

    /** What Entra ID calls each kind of change, how it files it, and the operation type it reports. */
    private record Activity(String displayName, String category, String operationType) {

        static Activity of(String type) {
            return switch (type) {
                case "user.lifecycle.create" -> new Activity("Add user", "UserManagement", "Add");
                case "user.account.update_profile" -> new Activity("Update user", "UserManagement", "Update");
                case "user.lifecycle.deactivate" -> new Activity("Disable account", "UserManagement", "Update");
                case "user.lifecycle.activate" -> new Activity("Enable account", "UserManagement", "Update");
                case "group.user_membership.add" -> new Activity("Add member to group", "GroupManagement", "Assign");
                case "group.user_membership.remove" -> new Activity("Remove member from group", "GroupManagement", "Unassign");
                case "application.user_membership.add" -> new Activity("Add app role assignment grant to user", "ApplicationManagement", "Assign");
                case "application.user_membership.remove" -> new Activity("Remove app role assignment from user", "ApplicationManagement", "Unassign");
                default -> new Activity(type, "Other", "Update");
            };
        }
    }

    private Map<String, Object> initiatedBy(Event e) {
        Optional<User> actor = tenant.userByLogin(GraphUsers.PLATFORM, e.actorLogin());
        Map<String, Object> initiatedBy = new LinkedHashMap<>();
        if (actor.isPresent()) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", actor.get().externalId());
            user.put("displayName", GraphUsers.displayName(actor.get()));
            user.put("userPrincipalName", actor.get().login());
            user.put("ipAddress", e.ip());
            initiatedBy.put("user", user);
            initiatedBy.put("app", null);
        } else {
            Map<String, Object> app = new LinkedHashMap<>();
            app.put("appId", GraphRecords.guid("appId:" + e.actorLogin()));
            app.put("displayName", e.actorLogin());
            app.put("servicePrincipalId", GraphRecords.guid("servicePrincipal:" + e.actorLogin()));
            app.put("servicePrincipalName", null);
            initiatedBy.put("user", null);
            initiatedBy.put("app", app);
        }
        return initiatedBy;
    }

    private List<Map<String, Object>> targets(Event e) {
        List<Map<String, Object>> targets = new ArrayList<>();
        tenant.userByLogin(GraphUsers.PLATFORM, e.targetLogin()).ifPresent(u -> targets.add(target(u.externalId(), GraphUsers.displayName(u),
                "User", u.login())));
        Object group = e.details().get("group");
        if (group != null) {
            tenant.groups(GraphUsers.PLATFORM).stream().filter(g -> g.name().equals(group)).findFirst()
                    .ifPresent(g -> targets.add(target(g.externalId(), g.name(), "Group", null)));
        }
        Object app = e.details().get("app");
        if (app != null) {
            targets.add(target(GraphRecords.guid("servicePrincipal:" + app), app + (e.details().get("role") == null ? "" : " " + e.details().get("role")),
                    "ServicePrincipal", null));
        }
        return targets;
    }

    private static Map<String, Object> target(String id, String displayName, String type, String userPrincipalName) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("id", id);
        target.put("displayName", displayName);
        target.put("type", type);
        target.put("userPrincipalName", userPrincipalName);
        target.put("groupType", null);
        target.put("modifiedProperties", List.of());
        return target;
    }

    Map<String, Object> riskDetection(Event e) {
        Optional<User> user = tenant.userByLogin(GraphUsers.PLATFORM, e.actorLogin());
        Object type = e.details().getOrDefault("riskEventType", "unfamiliarFeatures");
        Map<String, Object> risk = new LinkedHashMap<>();
        risk.put("id", GraphRecords.guid("risk:" + e.id()));
        risk.put("requestId", e.id());
        risk.put("correlationId", GraphRecords.guid("correlation:" + e.id()));
        risk.put("riskEventType", type);
        risk.put("riskState", "atRisk");
        risk.put("riskLevel", e.details().getOrDefault("riskLevel", "medium"));
        risk.put("riskDetail", "none");
        risk.put("source", "IdentityProtection");
        risk.put("detectionTimingType", "realtime");
        risk.put("activity", "signin");
        risk.put("tokenIssuerType", "AzureAD");
        risk.put("ipAddress", e.ip());
        risk.put("location", location(e));
        risk.put("activityDateTime", GraphRecords.millis(e.at()));
        risk.put("detectedDateTime", GraphRecords.millis(e.at()));
        risk.put("lastUpdatedDateTime", GraphRecords.millis(e.at()));
        risk.put("userId", user.map(User::externalId).orElse(null));
        risk.put("userDisplayName", user.map(GraphUsers::displayName).orElse(e.actorLogin()));
        risk.put("userPrincipalName", e.actorLogin());
        risk.put("additionalInfo", "[{\"Key\":\"userAgent\",\"Value\":\"" + e.details().getOrDefault("client", "") + "\"}]");
        return risk;
    }
}
