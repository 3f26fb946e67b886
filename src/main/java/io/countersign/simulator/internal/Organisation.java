package io.countersign.simulator.internal;

import java.util.List;
import java.util.Map;

/**
 * The bank's structure: the CEO's office, the divisions with their offices and desks, and every role.
 *
 * @param units          every desk and office, indexed by {@link Unit#index()}
 * @param roles          every role, indexed by {@link Role#index()}, in role-bundle order
 * @param administrators the desk whose staff make direct grants on the platforms
 */
record Organisation(Unit ceoOffice, String ceoLocation, List<Division> divisions, List<Unit> units, List<Role> roles,
                    Map<String, Unit> unitsByName, int administrators) {

    Role ceo() {
        return ceoOffice.head();
    }

    Unit unit(String name) {
        Unit unit = unitsByName.get(name);
        if (unit == null) {
            throw new IllegalStateException("no desk or office named '" + name + "'");
        }
        return unit;
    }
}
