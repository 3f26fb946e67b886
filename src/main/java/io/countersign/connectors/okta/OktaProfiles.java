package io.countersign.connectors.okta;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.okta.sdk.resource.model.UserProfile;

/** Between Countersign's flat profile maps and the SDK's {@link UserProfile}: standard attributes by name, the rest as custom ones. */
final class OktaProfiles {

    private static final Map<String, Function<UserProfile, String>> GETTERS = Map.ofEntries(
            Map.entry("login", UserProfile::getLogin), Map.entry("email", UserProfile::getEmail),
            Map.entry("firstName", UserProfile::getFirstName), Map.entry("lastName", UserProfile::getLastName),
            Map.entry("displayName", UserProfile::getDisplayName), Map.entry("employeeNumber", UserProfile::getEmployeeNumber),
            Map.entry("department", UserProfile::getDepartment), Map.entry("title", UserProfile::getTitle),
            Map.entry("city", UserProfile::getCity), Map.entry("managerId", UserProfile::getManagerId),
            Map.entry("mobilePhone", UserProfile::getMobilePhone), Map.entry("division", UserProfile::getDivision));
    private static final Map<String, BiConsumer<UserProfile, String>> SETTERS = Map.ofEntries(
            Map.entry("login", UserProfile::setLogin), Map.entry("email", UserProfile::setEmail),
            Map.entry("firstName", UserProfile::setFirstName), Map.entry("lastName", UserProfile::setLastName),
            Map.entry("displayName", UserProfile::setDisplayName), Map.entry("employeeNumber", UserProfile::setEmployeeNumber),
            Map.entry("department", UserProfile::setDepartment), Map.entry("title", UserProfile::setTitle),
            Map.entry("city", UserProfile::setCity), Map.entry("managerId", UserProfile::setManagerId),
            Map.entry("mobilePhone", UserProfile::setMobilePhone), Map.entry("division", UserProfile::setDivision));

    private OktaProfiles() {
    }

    /** A profile carrying exactly these attributes, so a partial update changes nothing else. */
    static UserProfile of(Map<String, String> attributes) {
        UserProfile profile = new UserProfile();
        Map<String, Object> custom = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            BiConsumer<UserProfile, String> setter = SETTERS.get(name);
            if (setter != null) {
                setter.accept(profile, value);
            } else {
                custom.put(name, value);
            }
        });
        if (!custom.isEmpty()) {
            profile.setAdditionalProperties(custom);
        }
        return profile;
    }

    static String get(UserProfile profile, String name) {
        Function<UserProfile, String> getter = GETTERS.get(name);
        if (getter != null) {
            return getter.apply(profile);
        }
        Object value = profile.getAdditionalProperties() == null ? null : profile.getAdditionalProperties().get(name);
        return value == null ? null : value.toString();
    }

    /** The attributes of {@code wanted} whose values differ from the profile's. */
    static Map<String, String> changes(UserProfile profile, Map<String, String> wanted) {
        Map<String, String> changes = new LinkedHashMap<>();
        wanted.forEach((name, value) -> {
            if (!value.equals(get(profile, name))) {
                changes.put(name, value);
            }
        });
        return changes;
    }
}
