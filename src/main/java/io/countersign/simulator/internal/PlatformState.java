package io.countersign.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.countersign.directory.AccountStatus;
import io.countersign.simulator.SimulatedTenant.Answer;
import io.countersign.simulator.SimulatedTenant.App;
import io.countersign.simulator.SimulatedTenant.Event;
import io.countersign.simulator.SimulatedTenant.Group;
import io.countersign.simulator.SimulatedTenant.User;

/**
 * One platform's users, groups, applications and event log. Not thread-safe: {@code SimulatedTenant}
 * serialises access. Every change appends an event, as the platform's own audit log would.
 */
public final class PlatformState {

    private final String platform;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, String> userIdByLogin = new HashMap<>();
    private final Map<String, MutableGroup> groups = new LinkedHashMap<>();
    private final Map<String, String> groupIdByName = new HashMap<>();
    private final Map<String, MutableApp> apps = new LinkedHashMap<>();
    private final Map<String, String> appIdByName = new HashMap<>();
    private final List<Event> events = new ArrayList<>();
    private final PlatformIds ids;

    private record MutableGroup(String externalId, String name, String description, Set<String> members) {
        Group view(String platform) {
            return new Group(platform, externalId, name, description, Set.copyOf(members));
        }
    }

    private record MutableApp(String externalId, String name, Map<String, Set<String>> roles) {
        App view(String platform) {
            Map<String, Set<String>> copy = new LinkedHashMap<>();
            roles.forEach((user, r) -> copy.put(user, Set.copyOf(r)));
            return new App(platform, externalId, name, copy);
        }
    }

    PlatformState(String platform) {
        this.platform = platform;
        this.ids = new PlatformIds(platform);
    }

    public static PlatformState empty(String platform) {
        return new PlatformState(platform);
    }

    public String platform() {
        return platform;
    }

    void addUser(User user) {
        users.put(user.externalId(), user);
        userIdByLogin.put(user.login().toLowerCase(), user.externalId());
    }

    void addGroup(String externalId, String name, String description, Set<String> members) {
        groups.put(externalId, new MutableGroup(externalId, name, description, new LinkedHashSet<>(members)));
        groupIdByName.put(name, externalId);
    }

    void addApp(String externalId, String name, Map<String, Set<String>> roles) {
        Map<String, Set<String>> mutable = new LinkedHashMap<>();
        roles.forEach((user, r) -> mutable.put(user, new LinkedHashSet<>(r)));
        apps.put(externalId, new MutableApp(externalId, name, mutable));
        appIdByName.put(name, externalId);
    }

    void addEvent(Event event) {
        events.add(event);
    }

    public List<User> users() {
        return List.copyOf(users.values());
    }

    public Optional<User> user(String externalId) {
        return Optional.ofNullable(users.get(externalId));
    }

    public User byLogin(String login) {
        String id = login == null ? null : userIdByLogin.get(login.toLowerCase());
        return id == null ? null : users.get(id);
    }

    public List<Group> groups() {
        return groups.values().stream().map(g -> g.view(platform)).toList();
    }

    public Optional<Group> group(String externalId) {
        return Optional.ofNullable(groups.get(externalId)).map(g -> g.view(platform));
    }

    public List<App> apps() {
        return apps.values().stream().map(a -> a.view(platform)).toList();
    }

    public List<Event> events(int fromIndex) {
        return fromIndex >= events.size() ? List.of() : List.copyOf(events.subList(Math.max(0, fromIndex), events.size()));
    }

    public int eventCount() {
        return events.size();
    }

    public User create(User user) {
        if (byLogin(user.login()) != null) {
            throw new IllegalStateException("login " + user.login() + " already exists on " + platform);
        }
        String id = user.externalId() == null ? ids.user(user.login()) : user.externalId();
        User created = new User(platform, id, user.login(), user.email(), user.firstName(), user.lastName(), user.employeeNumber(),
                user.department(), user.title(), user.city(), user.managerLogin(), user.status() == null ? AccountStatus.ACTIVE : user.status(),
                Instant.now(), null, null);
        addUser(created);
        log("user.lifecycle.create", null, created.login(), "SUCCESS", Map.of());
        return created;
    }

    public Answer createMinimal(String login) {
        create(new User(platform, null, login, login.contains("@") ? login : null, null, null, null, null, null, null, null,
                AccountStatus.ACTIVE, null, null, null));
        return Answer.CHANGED;
    }

    public Answer update(String externalId, Map<String, String> profile) {
        User u = users.get(externalId);
        if (u == null) {
            return Answer.NO_SUCH_ACCOUNT;
        }
        User updated = new User(platform, u.externalId(), u.login(), profile.getOrDefault("email", u.email()),
                profile.getOrDefault("firstName", u.firstName()), profile.getOrDefault("lastName", u.lastName()),
                profile.getOrDefault("employeeNumber", u.employeeNumber()), profile.getOrDefault("department", u.department()),
                profile.getOrDefault("title", u.title()), profile.getOrDefault("city", u.city()), u.managerLogin(), u.status(),
                u.created(), u.lastLogin(), profile.getOrDefault("countersignReason", u.reasonNote()));
        if (updated.equals(u)) {
            return Answer.UNCHANGED;
        }
        addUser(updated);
        log("user.account.update_profile", null, u.login(), "SUCCESS", Map.copyOf(profile));
        return Answer.CHANGED;
    }

    public Answer delete(String externalId) {
        User u = users.remove(externalId);
        if (u == null) {
            return Answer.NO_SUCH_ACCOUNT;
        }
        userIdByLogin.remove(u.login().toLowerCase());
        groups.values().forEach(g -> g.members().remove(externalId));
        apps.values().forEach(a -> a.roles().remove(externalId));
        log("user.lifecycle.delete", null, u.login(), "SUCCESS", Map.of());
        return Answer.CHANGED;
    }

    public Optional<Group> createGroup(String name, String description) {
        if (groupIdByName.containsKey(name)) {
            return Optional.empty();
        }
        String id = ids.group(name);
        addGroup(id, name, description, Set.of());
        log("group.lifecycle.create", null, null, "SUCCESS", Map.of("group", name));
        return group(id);
    }

    public Answer deleteGroup(String externalId) {
        MutableGroup g = groups.remove(externalId);
        if (g == null) {
            return Answer.NO_SUCH_GROUP;
        }
        groupIdByName.remove(g.name());
        log("group.lifecycle.delete", null, null, "SUCCESS", Map.of("group", g.name()));
        return Answer.CHANGED;
    }

    public Answer setStatus(String login, AccountStatus status) {
        User u = byLogin(login);
        if (u == null) {
            return Answer.NO_SUCH_ACCOUNT;
        }
        if (u.status() == status) {
            return Answer.UNCHANGED;
        }
        addUser(new User(platform, u.externalId(), u.login(), u.email(), u.firstName(), u.lastName(), u.employeeNumber(), u.department(),
                u.title(), u.city(), u.managerLogin(), status, u.created(), u.lastLogin(), u.reasonNote()));
        log(status == AccountStatus.DISABLED ? "user.lifecycle.deactivate" : "user.lifecycle.activate", null, login, "SUCCESS", Map.of());
        return Answer.CHANGED;
    }

    public Answer membership(String groupName, String login, boolean add) {
        User u = byLogin(login);
        if (u == null) {
            return Answer.NO_SUCH_ACCOUNT;
        }
        MutableGroup g = Optional.ofNullable(groupIdByName.get(groupName)).map(groups::get)
                .orElseGet(() -> groups.get(groupName));
        if (g == null) {
            return Answer.NO_SUCH_GROUP;
        }
        boolean changed = add ? g.members().add(u.externalId()) : g.members().remove(u.externalId());
        if (changed) {
            log(add ? "group.user_membership.add" : "group.user_membership.remove", null, login, "SUCCESS", Map.of("group", g.name()));
        }
        return changed ? Answer.CHANGED : Answer.UNCHANGED;
    }

    public Answer assignment(String login, String entitlementKey, boolean assign) {
        User u = byLogin(login);
        if (u == null) {
            return Answer.NO_SUCH_ACCOUNT;
        }
        int colon = entitlementKey.lastIndexOf(':');
        String appName = colon < 0 ? entitlementKey : entitlementKey.substring(0, colon);
        String role = colon < 0 ? "ASSIGNED" : entitlementKey.substring(colon + 1);
        MutableApp app = apps.get(appIdByName.computeIfAbsent(appName, name -> {
            String id = ids.app(name);
            apps.put(id, new MutableApp(id, name, new LinkedHashMap<>()));
            return id;
        }));
        Set<String> roles = app.roles().computeIfAbsent(u.externalId(), k -> new LinkedHashSet<>());
        boolean changed = assign ? roles.add(role) : roles.remove(role);
        if (roles.isEmpty()) {
            app.roles().remove(u.externalId());
        }
        if (changed) {
            log(assign ? "application.user_membership.add" : "application.user_membership.remove", null, login, "SUCCESS",
                    Map.of("app", appName, "role", role));
        }
        return changed ? Answer.CHANGED : Answer.UNCHANGED;
    }

    public Answer note(String login, String note) {
        User u = byLogin(login);
        if (u == null) {
            return Answer.NO_SUCH_ACCOUNT;
        }
        return update(u.externalId(), Map.of("countersignReason", note));
    }

    public boolean isMember(String groupName, String login) {
        User u = byLogin(login);
        MutableGroup g = Optional.ofNullable(groupIdByName.get(groupName)).map(groups::get).orElse(null);
        return u != null && g != null && g.members().contains(u.externalId());
    }

    public boolean hasApp(String login, String entitlementKey) {
        User u = byLogin(login);
        int colon = entitlementKey.lastIndexOf(':');
        MutableApp app = Optional.ofNullable(appIdByName.get(colon < 0 ? entitlementKey : entitlementKey.substring(0, colon)))
                .map(apps::get).orElse(null);
        return u != null && app != null && app.roles().getOrDefault(u.externalId(), Set.of())
                .contains(colon < 0 ? "ASSIGNED" : entitlementKey.substring(colon + 1));
    }

    public Event log(String type, String actorLogin, String targetLogin, String outcome, Map<String, Object> details) {
        Event event = new Event(platform, UUID.randomUUID().toString(), type, Instant.now(), actorLogin == null ? "countersign" : actorLogin,
                targetLogin, outcome, null, null, null, Map.copyOf(details));
        events.add(event);
        return event;
    }
}
