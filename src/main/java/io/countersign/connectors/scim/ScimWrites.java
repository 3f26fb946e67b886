package io.countersign.connectors.scim;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchOperation;
import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.ConnectorWrite;

/**
 * Turns connector writes into SCIM requests. Each write reads its target first and sends only what is not
 * already so; a write sent with {@code If-Match} that meets a 412 is read and planned again once.
 */
final class ScimWrites {

    private final ScimClient scim;
    private final ScimSettings settings;

    ScimWrites(ScimClient scim, ScimSettings settings) {
        this.scim = scim;
        this.settings = settings;
    }

    ChangeResult apply(ConnectorWrite write) {
        String what = write.operation() + " " + write.resource() + " for " + write.login() + " on " + write.platform();
        try {
            return switch (write) {
                case ConnectorWrite.CreateUser w -> createUser(w, what);
                case ConnectorWrite.DisableUser w -> change(what, user(w.login()), noAccount(w.login()),
                        user -> ScimValues.active(user) ? send(ScimClient.USERS, user, replace("active", BooleanNode.FALSE)) : Optional.empty());
                case ConnectorWrite.AddMembership w -> membership(w.login(), w.group(), true, what);
                case ConnectorWrite.RemoveMembership w -> membership(w.login(), w.group(), false, what);
                case ConnectorWrite.AssignApp w -> entitlement(w.login(), w.entitlementKey(), true, what);
                case ConnectorWrite.UnassignApp w -> entitlement(w.login(), w.entitlementKey(), false, what);
                case ConnectorWrite.SetReasonNote w -> note(w.login(), w.note(), what);
                case ConnectorWrite.EndSessions w -> new ChangeResult.Rejected(what + ": SCIM 2.0 (RFC 7644) defines no sessions to end;"
                        + " disabling the user (active=false) is what the provider offers");
            };
        } catch (ScimFailure e) {
            return e.toResult();
        }
    }

    Optional<GenericScimResource> findUser(String login) {
        return scim.find(ScimClient.USERS, "userName", login);
    }

    Optional<GenericScimResource> findGroup(String name) {
        return scim.find(ScimClient.GROUPS, "displayName", name).map(group -> scim.get(ScimClient.GROUPS, group.getId()));
    }

    /** A new user is POSTed; an existing one is replaced (PUT) with the profile applied and {@code active: true}. */
    private ChangeResult createUser(ConnectorWrite.CreateUser write, String what) {
        UserProfile profile = new UserProfile(write.profile());
        Optional<String> unknown = profile.unknownKey();
        if (unknown.isPresent()) {
            return new ChangeResult.Rejected("profile." + unknown.get() + ": not a user attribute the SCIM connector writes (known: "
                    + String.join(", ", UserProfile.KNOWN) + ")");
        }
        List<String> notHeld = profile.applyTo(JsonNodeFactory.instance.objectNode(), scim.userSchemas());
        String done = notHeld.isEmpty() ? what : what + "; the provider's User holds no " + String.join(", ", notHeld);
        if (findUser(write.login()).isEmpty()) {
            scim.create(ScimClient.USERS, profile.newUser(write.login(), scim.userSchemas()));
            return new ChangeResult.Applied(done);
        }
        return change(done, user(write.login()), noAccount(write.login()), user -> {
            ObjectNode wanted = user.getObjectNode().deepCopy();
            wanted.put("active", true);
            profile.applyTo(wanted, scim.userSchemas());
            return withoutMeta(wanted).equals(withoutMeta(user.getObjectNode()))
                    ? Optional.empty() : Optional.of(() -> scim.replace(ScimClient.USERS, user, wanted));
        });
    }

    private ChangeResult membership(String login, String groupName, boolean add, String what) {
        if (!settings.manageGroups()) {
            return new ChangeResult.Rejected("group-mode none: the groups on " + settings.platform() + " are not Countersign's to change");
        }
        Optional<GenericScimResource> user = findUser(login);
        if (user.isEmpty()) {
            return new ChangeResult.Rejected(noAccount(login));
        }
        String userId = user.get().getId();
        return change(what, () -> findGroup(groupName), "no group " + groupName + " on " + settings.platform(), group -> {
            boolean member = ScimValues.values(group, "members", "User").contains(userId);
            if (member == add) {
                return Optional.empty();
            }
            return send(ScimClient.GROUPS, group, add ? add("members", userId) : removeValue("members", userId));
        });
    }

    private ChangeResult entitlement(String login, String key, boolean assign, String what) {
        return change(what, user(login), noAccount(login), user -> {
            boolean held = ScimValues.values(user, "entitlements", null).contains(key);
            if (held == assign) {
                return Optional.empty();
            }
            return send(ScimClient.USERS, user, assign ? add("entitlements", key) : removeValue("entitlements", key));
        });
    }

    private ChangeResult note(String login, String note, String what) {
        String attribute = settings.noteAttribute();
        if (!scim.userHolds(attribute)) {
            return new ChangeResult.Rejected("the SCIM provider's User resource holds no " + attribute
                    + " (checked /ResourceTypes and /Schemas), so the reason note was not written");
        }
        return change(what, user(login), noAccount(login), user -> Objects.equals(ScimValues.text(user, attribute), note)
                ? Optional.empty() : send(ScimClient.USERS, user, replace(attribute, TextNode.valueOf(note))));
    }

    /**
     * Reads the target, asks {@code plan} what to send (nothing: already so), and sends it. A 412 means the
     * resource changed between the read and the write: it is read and planned once more, then reported.
     */
    private ChangeResult change(String what, Supplier<Optional<GenericScimResource>> read, String missing,
                                Function<GenericScimResource, Optional<Runnable>> plan) {
        for (int attempt = 1; ; attempt++) {
            Optional<GenericScimResource> target = read.get();
            if (target.isEmpty()) {
                return new ChangeResult.Rejected(missing);
            }
            Optional<Runnable> write = plan.apply(target.get());
            if (write.isEmpty()) {
                return new ChangeResult.AlreadyInState(what + ": already so");
            }
            try {
                write.get().run();
                return new ChangeResult.Applied(what);
            } catch (ScimFailure e) {
                if (!e.preconditionFailed()) {
                    return e.toResult();
                }
                if (attempt == 2) {
                    return new ChangeResult.Failed(e.getMessage() + " (again after re-reading: the resource keeps changing)", true);
                }
            }
        }
    }

    private Optional<Runnable> send(String endpoint, GenericScimResource target, PatchOperation operation) {
        return Optional.of(() -> scim.modify(endpoint, target, List.of(operation)));
    }

    private Supplier<Optional<GenericScimResource>> user(String login) {
        return () -> findUser(login);
    }

    private String noAccount(String login) {
        return "no account " + login + " on " + settings.platform();
    }

    /** {@code add} of one {@code {"value": …}} to a multi-valued attribute such as {@code members}. */
    private static PatchOperation add(String attribute, String value) {
        ArrayNode values = JsonNodeFactory.instance.arrayNode();
        values.addObject().put("value", value);
        return operation("add " + attribute, () -> PatchOperation.add(attribute, values));
    }

    /** {@code remove} with the path {@code attribute[value eq "…"]}, as RFC 7644 §3.5.2.2 has it for one member. */
    private static PatchOperation removeValue(String attribute, String value) {
        return operation("remove " + attribute, () -> PatchOperation.remove(Path.root().attribute(attribute, Filter.eq("value", value))));
    }

    private static PatchOperation replace(String path, JsonNode value) {
        return operation("replace " + path, () -> PatchOperation.replace(path, value));
    }

    private interface Operation {
        PatchOperation build() throws ScimException;
    }

    /** Builds an operation; the SDK refuses only paths it cannot parse, which is this connector's fault, not the provider's. */
    private static PatchOperation operation(String what, Operation operation) {
        try {
            return operation.build();
        } catch (ScimException e) {
            throw new IllegalStateException("cannot build the PATCH operation " + what + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode withoutMeta(ObjectNode resource) {
        ObjectNode copy = resource.deepCopy();
        copy.remove("meta");
        return copy;
    }
}
