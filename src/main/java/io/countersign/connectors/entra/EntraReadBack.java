package io.countersign.connectors.entra;

import java.util.Map;
import java.util.Optional;

import com.microsoft.graph.models.User;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.ReadBack;

/**
 * Reads back, from Graph, the state a write was meant to produce: the account and its status, a group's or
 * directory role's direct members, the user's app role assignments, and the reason-note attribute.
 */
final class EntraReadBack {

    private final EntraLookups lookups;
    private final EntraDirectoryReader reader;
    private final String noteAttribute;

    EntraReadBack(EntraLookups lookups, EntraDirectoryReader reader, String noteAttribute) {
        this.lookups = lookups;
        this.reader = reader;
        this.noteAttribute = noteAttribute;
    }

    /** The state as Graph reports it; when Graph cannot be read, an unconfirmed read-back that says why. */
    ReadBack readBack(ConnectorWrite write) {
        try {
            return read(write);
        } catch (ConnectorException e) {
            return new ReadBack(false, Map.of("login", write.login(), "error", e.getMessage()));
        }
    }

    private ReadBack read(ConnectorWrite write) {
        return switch (write) {
            case ConnectorWrite.CreateUser w -> created(w);
            case ConnectorWrite.DisableUser w -> {
                String status = status(lookups.user(w.login()));
                yield new ReadBack(status.equals("DISABLED"), Map.of("login", w.login(), "status", status));
            }
            case ConnectorWrite.AddMembership w -> membership(w.login(), w.group(), true);
            case ConnectorWrite.RemoveMembership w -> membership(w.login(), w.group(), false);
            case ConnectorWrite.AssignApp w -> assignment(w.login(), w.entitlementKey(), true);
            case ConnectorWrite.UnassignApp w -> assignment(w.login(), w.entitlementKey(), false);
            case ConnectorWrite.SetReasonNote w -> {
                String note = lookups.user(w.login()).map(u -> EntraWrites.note(u, noteAttribute)).orElse("");
                yield new ReadBack(note.equals(w.note()), Map.of("login", w.login(), "note", note));
            }
            case ConnectorWrite.EndSessions w -> {
                String status = status(lookups.user(w.login()));
                yield new ReadBack(!status.equals("ABSENT"), Map.of("login", w.login(), "status", status,
                        "sessions", "revoked (Graph lists no sessions to confirm)"));
            }
        };
    }

    private ReadBack created(ConnectorWrite.CreateUser w) {
        Optional<User> user = lookups.user(w.login());
        String status = status(user);
        boolean profileMatches = user.isPresent() && EntraWrites.differing(user.get(), EntraWrites.graphProfile(w.profile())).isEmpty();
        return new ReadBack(status.equals("ACTIVE") && profileMatches, Map.of("login", w.login(), "status", status,
                "id", user.map(User::getId).orElse(""), "profileMatches", profileMatches));
    }

    private static String status(Optional<User> user) {
        return user.map(u -> Boolean.FALSE.equals(u.getAccountEnabled()) ? "DISABLED" : "ACTIVE").orElse("ABSENT");
    }

    private ReadBack membership(String login, String group, boolean wanted) {
        Optional<User> user = lookups.user(login);
        boolean member;
        try {
            member = user.isPresent() && reader.groupMembers(lookups.group(group)).contains(user.get().getId());
        } catch (EntraLookups.Refusal unknownGroup) {
            member = false;
        }
        return new ReadBack(member == wanted, Map.of("login", login, "group", group, "member", member));
    }

    private ReadBack assignment(String login, String entitlementKey, boolean wanted) {
        Optional<User> user = lookups.user(login);
        boolean assigned;
        try {
            assigned = user.isPresent() && lookups.holds(user.get().getId(), lookups.target(entitlementKey));
        } catch (EntraLookups.Refusal unknownTarget) {
            assigned = false;
        }
        return new ReadBack(assigned == wanted, Map.of("login", login, "entitlement", entitlementKey, "assigned", assigned));
    }
}
