package io.countersign.simulator.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code organisation.yaml}: divisions, desks and roles with their role bundles, and the service
 * identities. Every bundle is checked against the separation-of-duties rules here, so a conflicting
 * catalogue fails at start-up rather than planting conflicts nobody listed.
 */
final class OrganisationReader {

    /** Where a role sits: its desk or office and cost centre; {@code code} is the desk's, null for an office. */
    private record Place(int unit, String department, String desk, String costCentre, String code) {
    }

    /** What a role is apart from its place and grants; {@code requests} are the role's own requestable keys. */
    private record Shape(String title, RoleLevel level, double weight, int cap, List<String> requests) {

        static Shape leader(String title, RoleLevel level) {
            return new Shape(title, level, 0, 0, List.of());
        }
    }

    private final EntitlementKeys keys;
    private final SodRules sod;
    private final List<Role> roles = new ArrayList<>();
    private final List<Unit> units = new ArrayList<>();
    private final Map<String, Unit> unitsByName = new HashMap<>();
    private int[] baseline;
    private int[] leaders;
    private YamlNode deskDefaults;

    OrganisationReader(EntitlementKeys keys, SodRules sod) {
        this.keys = keys;
        this.sod = sod;
    }

    static List<ApplicationReader.DeskLabel> deskLabels(YamlNode file) {
        List<ApplicationReader.DeskLabel> labels = new ArrayList<>();
        for (YamlNode division : file.list("divisions")) {
            for (YamlNode desk : division.list("desks")) {
                labels.add(new ApplicationReader.DeskLabel(desk.text("name"), desk.text("code")));
            }
        }
        return labels;
    }

    int[] baseline() {
        return baseline;
    }

    Organisation read(YamlNode file) {
        baseline = entitlements(file.get("baseline"), file.texts("baseline"), null);
        leaders = entitlements(file.get("leaders"), file.texts("leaders"), null);
        deskDefaults = file.get("deskDefaults");
        YamlNode ceo = file.get("ceo");
        Place place = new Place(units.size(), ceo.text("department"), ceo.text("desk"), ceo.text("costCentre"), null);
        Role head = role(ceo, Shape.leader(ceo.text("title"), RoleLevel.CEO), place,
                List.of(leaders, grants(ceo, null)));
        Unit office = addUnit(new Unit(place.unit(), place.desk(), null, place.department(), -1, 0, head, null,
                List.of()));
        List<Division> divisions = new ArrayList<>();
        for (YamlNode node : file.list("divisions")) {
            divisions.add(division(divisions.size(), node));
        }
        Unit administrators = unitsByName.get(file.text("administrators"));
        if (administrators == null || !administrators.desk()) {
            throw file.invalid("administrators must name a desk, was " + file.text("administrators"));
        }
        return new Organisation(office, ceo.text("location"), List.copyOf(divisions), List.copyOf(units),
                List.copyOf(roles), Map.copyOf(unitsByName), administrators.index());
    }

    List<ServiceDef> services(YamlNode file) {
        List<ServiceDef> services = new ArrayList<>();
        for (YamlNode node : file.list("services")) {
            Unit owner = unitsByName.get(node.text("owner"));
            if (owner == null || !owner.desk()) {
                throw node.invalid("owner must be a desk, was " + node.text("owner"));
            }
            int[] grants = grants(node, null);
            checkSeparation(node, node.text("name"), grants);
            Role role = new Role(-1, "Service Account", owner.department(), owner.name(), owner.head().costCentre(),
                    RoleLevel.SERVICE, owner.index(), 0, 0, grants, new int[0]);
            services.add(new ServiceDef(node.text("name"), owner.index(), role));
        }
        return services;
    }

    private Division division(int index, YamlNode node) {
        String name = node.text("name");
        YamlNode head = node.get("head");
        Place place = new Place(units.size(), name, head.text("desk"), head.text("costCentre"), null);
        Role role = role(head, Shape.leader(head.text("title"), RoleLevel.DIVISION_HEAD), place,
                List.of(leaders, grants(head, null)));
        Unit office = addUnit(new Unit(place.unit(), place.desk(), null, name, index, 0, role, null, List.of()));
        List<Unit> desks = new ArrayList<>();
        for (YamlNode desk : node.list("desks")) {
            desks.add(desk(index, name, desk));
        }
        return new Division(index, name, node.number("weight"), node.number("contractors"),
                locations(node.get("locations")), office, List.copyOf(desks));
    }

    private Unit desk(int division, String department, YamlNode node) {
        String code = node.text("code");
        Place place = new Place(units.size(), department, node.text("name"), node.text("costCentre"), code);
        int[] common = entitlements(node, node.texts("common"), code);
        int[] defaults = entitlements(deskDefaults, deskDefaults.texts("grants"), code);
        Role head = role(node, Shape.leader("Head of " + place.desk(), RoleLevel.DESK_HEAD), place,
                List.of(leaders, defaults, common, entitlements(node, node.texts("head"), code)));
        YamlNode leadNode = node.get("lead");
        Role lead = role(leadNode, Shape.leader(leadNode.text("title"), RoleLevel.TEAM_LEAD), place,
                List.of(leaders, defaults, common, grants(leadNode, code)));
        List<Role> staff = new ArrayList<>();
        for (YamlNode roleNode : node.list("roles")) {
            Shape shape = new Shape(roleNode.text("title"), RoleLevel.STAFF, roleNode.number("weight"),
                    roleNode.integer("cap", 0), roleNode.texts("requests"));
            staff.add(role(roleNode, shape, place, List.of(defaults, common, grants(roleNode, code))));
        }
        return addUnit(new Unit(place.unit(), place.desk(), code, department, division, node.number("weight"), head,
                lead, List.copyOf(staff)));
    }

    private Role role(YamlNode where, Shape shape, Place place, List<int[]> parts) {
        int[] bundle = union(baseline, parts);
        checkSeparation(where, place.desk() + " / " + shape.title(), bundle);
        int[] requests = place.code() == null ? new int[0]
                : requests(where, bundle, shape.requests(), place.code());
        Role role = new Role(roles.size(), shape.title(), place.department(), place.desk(), place.costCentre(),
                shape.level(), place.unit(), shape.weight(), shape.cap(), bundle, requests);
        roles.add(role);
        return role;
    }

    private int[] requests(YamlNode where, int[] bundle, List<String> own, String code) {
        Set<Integer> requests = new LinkedHashSet<>();
        for (int entitlement : entitlements(where, own, code)) {
            requests.add(entitlement);
        }
        for (int entitlement : entitlements(deskDefaults, deskDefaults.texts("requests"), code)) {
            requests.add(entitlement);
        }
        BitSet held = SodRules.asSet(bundle);
        requests.removeIf(held::get);
        for (int entitlement : requests) {
            if (sod.conflicts(held, entitlement)) {
                throw where.invalid("requests " + keys.name(entitlement) + ", which conflicts with the role bundle");
            }
        }
        return requests.stream().mapToInt(Integer::intValue).toArray();
    }

    private void checkSeparation(YamlNode where, String name, int[] bundle) {
        List<SodRules.Breach> breaches = sod.breaches(SodRules.asSet(bundle));
        if (!breaches.isEmpty()) {
            SodRules.Breach breach = breaches.getFirst();
            throw where.invalid(name + " holds both sides of " + breach.rule().id() + ": "
                    + keys.name(breach.left()) + " and " + keys.name(breach.right()));
        }
    }

    private int[] grants(YamlNode node, String code) {
        return entitlements(node, node.texts("grants"), code);
    }

    private int[] entitlements(YamlNode where, List<String> names, String code) {
        int[] indices = new int[names.size()];
        for (int i = 0; i < indices.length; i++) {
            String key = code == null ? names.get(i) : names.get(i).replace("{DESK}", code);
            indices[i] = keys.indexOf(where, key);
        }
        return indices;
    }

    private static int[] union(int[] first, List<int[]> rest) {
        BitSet all = SodRules.asSet(first);
        rest.forEach(part -> all.or(SodRules.asSet(part)));
        return all.stream().toArray();
    }

    private static Weighted<String> locations(YamlNode node) {
        List<String> names = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Map.Entry<String, YamlNode> entry : node.entries()) {
            names.add(entry.getKey());
            weights.add(entry.getValue().number());
        }
        return Weighted.of(names, weights);
    }

    private Unit addUnit(Unit unit) {
        if (unitsByName.putIfAbsent(unit.name(), unit) != null) {
            throw new IllegalStateException("organisation.yaml: two desks or offices are named " + unit.name());
        }
        units.add(unit);
        return unit;
    }
}
