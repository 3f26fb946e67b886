package io.countersign.connectors;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A change on a platform. {@link #operation()} is the name scopes use; {@link #resource()} is what scopes
 * match their patterns against (a group or application key, or the account for account-level writes).
 */
public sealed interface ConnectorWrite {

    String platform();

    String login();

    String operation();

    String resource();

    /** For the ledger: what is written, never a secret. */
    Map<String, Object> describe();

    /** Grants an entitlement: membership of the group that carries it, or else an assignment of the application permission. */
    static ConnectorWrite grant(String platform, String login, String entitlementKey, Optional<String> group) {
        return group.<ConnectorWrite>map(g -> new AddMembership(platform, login, g, entitlementKey))
                .orElseGet(() -> new AssignApp(platform, login, entitlementKey));
    }

    /** Removes an entitlement: membership of the group that carries it, or else the application permission's assignment. */
    static ConnectorWrite revoke(String platform, String login, String entitlementKey, Optional<String> group) {
        return group.<ConnectorWrite>map(g -> new RemoveMembership(platform, login, g, entitlementKey))
                .orElseGet(() -> new UnassignApp(platform, login, entitlementKey));
    }

    record CreateUser(String platform, String login, Map<String, String> profile) implements ConnectorWrite {
        public CreateUser {
            Objects.requireNonNull(platform, "platform == null");
            Objects.requireNonNull(login, "login == null");
            profile = Map.copyOf(profile);
        }
        public String operation() { return "create_user"; }
        public String resource() { return "account:" + login; }
        public Map<String, Object> describe() { return Map.of("operation", operation(), "platform", platform, "login", login, "profile", profile); }
    }

    record DisableUser(String platform, String login) implements ConnectorWrite {
        public DisableUser {
            Objects.requireNonNull(platform, "platform == null");
            Objects.requireNonNull(login, "login == null");
        }
        public String operation() { return "disable_user"; }
        public String resource() { return "account:" + login; }
        public Map<String, Object> describe() { return Map.of("operation", operation(), "platform", platform, "login", login); }
    }

    record AddMembership(String platform, String login, String group, String entitlementKey) implements ConnectorWrite {
        public AddMembership {
            Objects.requireNonNull(platform, "platform == null");
            Objects.requireNonNull(login, "login == null");
            Objects.requireNonNull(group, "group == null");
        }
        public String operation() { return "add_membership"; }
        public String resource() { return entitlementKey != null ? entitlementKey : group; }
        public Map<String, Object> describe() { return Map.of("operation", operation(), "platform", platform, "login", login, "group", group); }
    }

    record RemoveMembership(String platform, String login, String group, String entitlementKey) implements ConnectorWrite {
        public RemoveMembership {
            Objects.requireNonNull(platform, "platform == null");
            Objects.requireNonNull(login, "login == null");
            Objects.requireNonNull(group, "group == null");
        }
        public String operation() { return "remove_membership"; }
        public String resource() { return entitlementKey != null ? entitlementKey : group; }
        public Map<String, Object> describe() { return Map.of("operation", operation(), "platform", platform, "login", login, "group", group); }
    }

    record AssignApp(String platform, String login, String entitlementKey) implements ConnectorWrite {
        public AssignApp {
            Objects.requireNonNull(platform, "platform == null");
            Objects.requireNonNull(login, "login == null");
            Objects.requireNonNull(entitlementKey, "entitlementKey == null");
        }
        public String operation() { return "assign_app"; }
        public String resource() { return entitlementKey; }
        public Map<String, Object> describe() { return Map.of("operation", operation(), "platform", platform, "login", login, "entitlement", entitlementKey); }
    }

    record UnassignApp(String platform, String login, String entitlementKey) implements ConnectorWrite {
        public UnassignApp {
            Objects.requireNonNull(platform, "platform == null");
            Objects.requireNonNull(login, "login == null");
            Objects.requireNonNull(entitlementKey, "entitlementKey == null");
        }
        public String operation() { return "unassign_app"; }
        public String resource() { return entitlementKey; }
        public Map<String, Object> describe() { return Map.of("operation", operation(), "platform", platform, "login", login, "entitlement", entitlementKey); }
    }

    record SetReasonNote(String platform, String login, String note) implements ConnectorWrite {
        public SetReasonNote {
            Objects.requireNonNull(platform, "platform == null");
            Objects.requireNonNull(login, "login == null");
            Objects.requireNonNull(note, "note == null");
        }
        public String operation() { return "set_reason_note"; }
        public String resource() { return "account:" + login; }
        public Map<String, Object> describe() { return Map.of("operation", operation(), "platform", platform, "login", login, "note", note); }
    }

    /**
     * Ends the user's sign-in sessions (Okta {@code DELETE /api/v1/users/{id}/sessions}, Graph {@code POST
     * /users/{id}/revokeSignInSessions}). A platform without sessions (SCIM defines none) rejects it and says so.
     */
    record EndSessions(String platform, String login) implements ConnectorWrite {
        public EndSessions {
            Objects.requireNonNull(platform, "platform == null");
            Objects.requireNonNull(login, "login == null");
        }
        public String operation() { return "end_sessions"; }
        public String resource() { return "account:" + login; }
        public Map<String, Object> describe() { return Map.of("operation", operation(), "platform", platform, "login", login); }
    }
}
