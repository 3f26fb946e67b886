package io.countersign.simulator.internal;

/** Where a role sits in the manager tree. */
enum RoleLevel {
    CEO, DIVISION_HEAD, DESK_HEAD, TEAM_LEAD, STAFF, SERVICE
}
