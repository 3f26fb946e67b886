package io.countersign.simulator.internal;

import java.util.List;

/**
 * A desk, or the office of a division head or the CEO.
 *
 * @param code       the desk's code in entitlement names, {@code null} for an office
 * @param division   index of the division, -1 for the CEO's office
 * @param lead       the team lead role, {@code null} for an office
 * @param staffRoles the roles of the desk's staff, empty for an office
 */
record Unit(int index, String name, String code, String department, int division, double weight, Role head, Role lead,
            List<Role> staffRoles) {

    boolean desk() {
        return code != null;
    }
}
