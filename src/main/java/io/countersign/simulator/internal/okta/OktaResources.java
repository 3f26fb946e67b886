package io.countersign.simulator.internal.okta;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.countersign.directory.AccountStatus;
import io.countersign.simulator.SimulatedTenant.App;
import io.countersign.simulator.SimulatedTenant.Group;
import io.countersign.simulator.SimulatedTenant.User;

/** The tenant's users, groups, applications and assignments in Okta's JSON shapes. */
final class OktaResources {

    /** The custom profile attribute the stand-in's user schema adds, where reason notes are written. */
    static final String REASON_ATTRIBUTE = "countersignReason";

    /** Profile attributes the stand-in stores. */
    static final Set<String> STORED_PROFILE = Set.of("login", "email", "firstName", "lastName", "employeeNumber", "department", "title",
            "city", "managerId", REASON_ATTRIBUTE);

    /** Attributes of Okta's base user schema the stand-in accepts but does not keep. */
    static final Set<String> UNSTORED_BASE_PROFILE = Set.of("displayName", "nickName", "middleName", "honorificPrefix", "honorificSuffix",
            "secondEmail", "mobilePhone", "primaryPhone", "streetAddress", "state", "zipCode", "countryCode", "postalAddress",
            "preferredLanguage", "locale", "timezone", "userType", "organization", "division", "costCenter", "manager", "profileUrl");

    /** Groups and applications carry no creation time in the tenant; Okta always has one. */
    private static final Instant ORG_CREATED = Instant.parse("2020-01-01T00:00:00Z");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private OktaResources() {
    }

    static String status(AccountStatus status) {
        return status == AccountStatus.DISABLED ? "DEPROVISIONED" : "ACTIVE";
    }

    static Map<String, Object> user(User u, String managerId, String baseUrl) {
        Instant created = u.created() == null ? ORG_CREATED : u.created();
        Map<String, Object> profile = object("login", u.login(), "email", u.email(), "firstName", u.firstName(), "lastName", u.lastName(),
                "employeeNumber", u.employeeNumber(), "department", u.department(), "title", u.title(), "city", u.city(),
                "managerId", managerId, REASON_ATTRIBUTE, u.reasonNote());
        Map<String, Object> user = object("id", u.externalId(), "status", status(u.status()), "created", time(created),
                "activated", time(created), "lastLogin", u.lastLogin() == null ? null : time(u.lastLogin()), "lastUpdated", time(created),
                "type", Map.of("id", "oty1countersign0000a"), "profile", profile,
                "credentials", Map.of("provider", Map.of("type", "OKTA", "name", "OKTA")));
        user.put("statusChanged", null);
        user.put("passwordChanged", null);
        user.put("_links", Map.of("self", href(baseUrl + OktaStandIn.PREFIX + "/users/" + u.externalId())));
        return user;
    }

    static Map<String, Object> group(Group g, String baseUrl) {
        String self = baseUrl + OktaStandIn.PREFIX + "/groups/" + g.externalId();
        return object("id", g.externalId(), "created", time(ORG_CREATED), "lastUpdated", time(ORG_CREATED),
                "lastMembershipUpdated", time(ORG_CREATED), "objectClass", List.of("okta:user_group"), "type", "OKTA_GROUP",
                "profile", object("name", g.name(), "description", g.description()),
                "_links", Map.of("self", href(self), "users", href(self + "/users")));
    }

    static Map<String, Object> app(App a, String baseUrl) {
        String self = baseUrl + OktaStandIn.PREFIX + "/apps/" + a.externalId();
        return object("id", a.externalId(), "name", "bookmark", "label", a.name(), "status", "ACTIVE", "created", time(ORG_CREATED),
                "lastUpdated", time(ORG_CREATED), "signOnMode", "BOOKMARK", "features", List.of(),
                "accessibility", Map.of("selfService", false), "visibility", Map.of("autoSubmitToolbar", false,
                        "hide", Map.of("iOS", false, "web", false)),
                "settings", Map.of("app", Map.of("url", "https://apps.bank.example/" + slug(a.name()), "requestIntegration", false)),
                "_links", Map.of("self", href(self), "users", href(self + "/users")));
    }

    /** An application user: the assignment, its roles in the profile attribute {@code roles}. */
    static Map<String, Object> appUser(App a, User u, Set<String> roles, String baseUrl) {
        String app = baseUrl + OktaStandIn.PREFIX + "/apps/" + a.externalId();
        Map<String, Object> appUser = object("id", u.externalId(), "created", time(ORG_CREATED), "lastUpdated", time(ORG_CREATED),
                "scope", "USER", "status", "ACTIVE", "statusChanged", time(ORG_CREATED), "syncState", "DISABLED",
                "credentials", Map.of("userName", u.login()), "profile", Map.of("roles", roles.stream().sorted().toList()),
                "_links", Map.of("app", href(app), "user", href(baseUrl + OktaStandIn.PREFIX + "/users/" + u.externalId())));
        appUser.put("externalId", null);
        return appUser;
    }

    /** A JSON object of the given keys and values in order, leaving out null values. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                object.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return object;
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static Map<String, String> href(String url) {
        return Map.of("href", url);
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
