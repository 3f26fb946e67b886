package io.countersign.connectors.okta;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.okta.sdk.resource.model.AppUser;
import com.okta.sdk.resource.model.UserGetSingleton;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.ReadBack;
import io.countersign.directory.AccountStatus;

/**
 * Reads from Okta the state a write was meant to produce. A read that fails is reported as unconfirmed, with
 * the reason in the state, rather than thrown: the write itself has already been ledgered.
 */
final class OktaReadBack {

    private final OktaLookups find;
    private final String reasonAttribute;

    OktaReadBack(OktaLookups find, String reasonAttribute) {
        this.find = find;
        this.reasonAttribute = reasonAttribute;
    }

    ReadBack of(ConnectorWrite write) {
        try {
            return switch (write) {
                case ConnectorWrite.CreateUser w -> status(w.login(), AccountStatus.ACTIVE);
                case ConnectorWrite.DisableUser w -> status(w.login(), AccountStatus.DISABLED);
                case ConnectorWrite.AddMembership w -> membership(w.login(), w.group(), true);
                case ConnectorWrite.RemoveMembership w -> membership(w.login(), w.group(), false);
                case ConnectorWrite.AssignApp w -> assignment(w.login(), w.entitlementKey(), true);
                case ConnectorWrite.UnassignApp w -> assignment(w.login(), w.entitlementKey(), false);
                case ConnectorWrite.SetReasonNote w -> note(w);
                case ConnectorWrite.EndSessions w -> sessions(w.login());
            };
        } catch (ConnectorException e) {
            return new ReadBack(false, Map.of("login", write.login(), "error", e.getMessage()));
        }
    }

    private ReadBack status(String login, AccountStatus wanted) {
        Optional<UserGetSingleton> user = find.user(login);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("login", login);
        state.put("status", user.map(u -> OktaDirectoryReader.status(u.getStatus()).name()).orElse("ABSENT"));
        user.ifPresent(u -> state.put("oktaStatus", String.valueOf(u.getStatus())));
        return new ReadBack(state.get("status").equals(wanted.name()), state);
    }

    private ReadBack membership(String login, String groupName, boolean wanted) {
        boolean member = find.group(groupName)
                .flatMap(group -> find.user(login).map(user -> find.member(user.getId(), group.getId())))
                .orElse(false);
        return new ReadBack(member == wanted, Map.of("login", login, "group", groupName, "member", member));
    }

    private ReadBack assignment(String login, String entitlementKey, boolean wanted) {
        AppRoles.Key key = AppRoles.Key.parse(entitlementKey);
        boolean assigned = find.app(key.label())
                .flatMap(app -> find.user(login).flatMap(user -> find.appUser(app.getId(), user.getId())))
                .map(AppUser::getProfile).map(AppRoles::of)
                .map(roles -> key.plain() || roles.contains(key.role()))
                .orElse(false);
        return new ReadBack(assigned == wanted, Map.of("login", login, "entitlement", entitlementKey, "assigned", assigned));
    }

    /**
     * Okta lists no other user's sessions, so what can be read back is that the user still exists; Okta answered
     * the revocation with 204, which the executed entry records.
     */
    private ReadBack sessions(String login) {
        boolean exists = find.user(login).isPresent();
        return new ReadBack(exists, Map.of("login", login, "sessions", exists ? "revoked (Okta lists no sessions to confirm)" : "no such user"));
    }

    private ReadBack note(ConnectorWrite.SetReasonNote w) {
        String note = find.user(w.login()).map(u -> OktaProfiles.get(u.getProfile(), reasonAttribute)).orElse("");
        return new ReadBack(w.note().equals(note), Map.of("note", note == null ? "" : note));
    }
}
