package io.countersign.simulator.internal.okta;

import static io.countersign.simulator.internal.okta.OktaResources.object;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.SimulatedTenant.Event;
import io.countersign.simulator.SimulatedTenant.User;

/**
 * Tenant events as Okta LogEvents: the shape the System Log API returns and event hooks deliver. Made per
 * request or delivery, so group and application ids are looked up once for a batch.
 */
final class LogEventJson {

    private static final Map<String, String> MESSAGES = Map.of(
            "user.session.start", "User login to Okta",
            "user.lifecycle.create", "Create Okta user",
            "user.lifecycle.activate", "Activate Okta user",
            "user.lifecycle.deactivate", "Deactivate Okta user",
            "user.account.update_profile", "Update user profile for Okta",
            "group.user_membership.add", "Add user to group membership",
            "group.user_membership.remove", "Remove user from group membership",
            "application.user_membership.add", "Add user to application membership",
            "application.user_membership.remove", "Remove user from application membership");

    private final SimulatedTenant tenant;
    private final Map<String, String> groupIds = new HashMap<>();
    private final Map<String, String> appIds = new HashMap<>();

    LogEventJson(SimulatedTenant tenant) {
        this.tenant = tenant;
        tenant.groups(OktaStandIn.PLATFORM).forEach(g -> groupIds.put(g.name(), g.externalId()));
        tenant.apps(OktaStandIn.PLATFORM).forEach(a -> appIds.put(a.name(), a.externalId()));
    }

    Map<String, Object> event(Event e) {
        Map<String, Object> details = e.details();
        String reason = details.get("reason") instanceof String r && !r.isBlank() ? r : null;
        Map<String, Object> event = object("uuid", e.id(), "published", OktaResources.time(e.at()), "eventType", e.type(), "version", "0",
                "severity", "FAILURE".equals(e.outcome()) ? "WARN" : "INFO",
                "displayMessage", MESSAGES.getOrDefault(e.type(), e.type()),
                "actor", actor(e.actorLogin()),
                "client", object("userAgent", object("rawUserAgent", details.getOrDefault("client", "Countersign"), "os", "Unknown",
                                "browser", "UNKNOWN"), "zone", "null", "device", "Computer", "ipAddress", e.ip(),
                        "geographicalContext", e.city() == null && e.country() == null ? null : object("city", e.city(), "country", e.country())),
                "outcome", object("result", e.outcome() == null ? "SUCCESS" : e.outcome(), "reason", reason),
                "target", targets(e),
                "transaction", object("type", "WEB", "id", e.id().replace("-", "").substring(0, 20), "detail", Map.of()),
                "debugContext", Map.of("debugData", details),
                "authenticationContext", object("authenticationStep", 0, "externalSessionId", "102" + e.id().substring(0, 8)),
                "securityContext", Map.of());
        event.put("legacyEventType", null);
        return event;
    }

    private Map<String, Object> actor(String login) {
        Optional<User> user = login == null ? Optional.empty() : tenant.userByLogin(OktaStandIn.PLATFORM, login);
        return user.map(u -> object("id", u.externalId(), "type", "User", "alternateId", u.login(), "displayName", displayName(u)))
                .orElseGet(() -> object("id", "0oa1countersign0api0", "type", "PublicClientApp", "alternateId", login, "displayName", login));
    }

    private List<Map<String, Object>> targets(Event e) {
        List<Map<String, Object>> targets = new ArrayList<>();
        if (e.targetLogin() != null) {
            Optional<User> user = tenant.userByLogin(OktaStandIn.PLATFORM, e.targetLogin());
            targets.add(object("id", user.map(User::externalId).orElse(null), "type", "User", "alternateId", e.targetLogin(),
                    "displayName", user.map(LogEventJson::displayName).orElse(e.targetLogin())));
        }
        if (e.details().get("group") instanceof String group) {
            targets.add(object("id", groupIds.get(group), "type", "UserGroup", "alternateId", "unknown", "displayName", group));
        }
        if (e.details().get("app") instanceof String app) {
            targets.add(object("id", appIds.get(app), "type", "AppInstance", "alternateId", app, "displayName", app));
        }
        return targets;
    }

    private static String displayName(User u) {
        return u.firstName() == null ? u.login() : u.lastName() == null ? u.firstName() : u.firstName() + " " + u.lastName();
    }
}
