package io.countersign.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the catalogue bundled under {@code simulator/} and checks that its parts agree with each other. */
final class CatalogueReader {

    private static final String ORGANISATION = "simulator/organisation.yaml";
    private static final String APPLICATIONS = "simulator/applications.yaml";
    private static final String SEPARATION = "simulator/separation-of-duties.yaml";
    private static final String NAMES = "simulator/names.yaml";

    private CatalogueReader() {
    }

    static Catalogue read() {
        YamlNode organisationFile = YamlNode.load(ORGANISATION);
        ApplicationReader applications = new ApplicationReader(OrganisationReader.deskLabels(organisationFile))
                .read(YamlNode.load(APPLICATIONS));
        EntitlementKeys keys = new EntitlementKeys(List.copyOf(applications.entitlements()),
                Map.copyOf(applications.byKey()));
        YamlNode separationFile = YamlNode.load(SEPARATION);
        SodRules sod = rules(separationFile, keys);
        OrganisationReader reader = new OrganisationReader(keys, sod);
        Organisation organisation = reader.read(organisationFile);
        applications.applications().forEach(application -> organisation.unit(application.owner()));
        YamlNode names = YamlNode.load(NAMES);
        return new Catalogue(organisation, List.copyOf(applications.applications()), keys, reader.baseline(), sod,
                plans(separationFile, keys, sod, organisation), reader.services(organisationFile),
                names.texts("first"), names.texts("last"));
    }

    private static SodRules rules(YamlNode file, EntitlementKeys keys) {
        List<SodRule> rules = new ArrayList<>();
        for (YamlNode node : file.list("rules")) {
            rules.add(new SodRule(rules.size(), node.text("id"), indices(node, node.texts("left"), keys),
                    indices(node, node.texts("right"), keys)));
        }
        return new SodRules(List.copyOf(rules));
    }

    private static List<ConflictPlan> plans(YamlNode file, EntitlementKeys keys, SodRules sod, Organisation organisation) {
        List<ConflictPlan> plans = new ArrayList<>();
        for (YamlNode node : file.list("planted")) {
            SodRule rule = sod.rules().stream().filter(r -> r.id().equals(node.text("rule"))).findFirst()
                    .orElseThrow(() -> node.invalid("no rule " + node.text("rule")));
            boolean moved = node.has("kept");
            int entitlement = keys.indexOf(node, node.text(moved ? "kept" : "granted"));
            if (rule.opposite(entitlement).length == 0) {
                throw node.invalid(keys.name(entitlement) + " is on neither side of " + rule.id());
            }
            Role from = moved ? staffRole(node, organisation, node.texts("movedFrom")) : null;
            if (from != null && !from.holds(entitlement)) {
                throw node.invalid(from.desk() + " / " + from.title() + " does not hold " + keys.name(entitlement));
            }
            List<Integer> preferred = node.texts("preferredDesks").stream()
                    .map(desk -> organisation.unit(desk).index()).toList();
            plans.add(new ConflictPlan(rule, entitlement, from, preferred));
        }
        return List.copyOf(plans);
    }

    private static Role staffRole(YamlNode node, Organisation organisation, List<String> deskAndTitle) {
        if (deskAndTitle.size() != 2) {
            throw node.invalid("movedFrom must be [desk, title]");
        }
        return organisation.unit(deskAndTitle.get(0)).staffRoles().stream()
                .filter(role -> role.title().equals(deskAndTitle.get(1))).findFirst()
                .orElseThrow(() -> node.invalid("no staff role " + deskAndTitle));
    }

    private static int[] indices(YamlNode where, List<String> names, EntitlementKeys keys) {
        return names.stream().mapToInt(name -> keys.indexOf(where, name)).toArray();
    }
}
