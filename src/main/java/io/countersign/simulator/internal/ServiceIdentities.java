package io.countersign.simulator.internal;

import java.util.List;
import java.util.SplittableRandom;

import io.countersign.directory.IdentityKind;
import io.countersign.directory.IdentityStatus;

/**
 * Adds the service identities: each catalogue service once per 2,000 employees (at least once), owned
 * by an active member of the owning desk, or its head when it has none.
 */
final class ServiceIdentities {

    private final Catalogue catalogue;
    private final Timeline time;
    private final SplittableRandom random;

    ServiceIdentities(Catalogue catalogue, Timeline time, SplittableRandom random) {
        this.catalogue = catalogue;
        this.time = time;
        this.random = random;
    }

    void add(Workforce workforce, int employees) {
        int instances = Math.max(1, (int) Math.round(employees / 2000.0));
        for (ServiceDef service : catalogue.services()) {
            List<Person> owners = workforce.people().stream()
                    .filter(p -> p.role.unit() == service.ownerUnit() && p.status == IdentityStatus.ACTIVE
                            && !p.contractLapsed)
                    .filter(p -> p.role.level() == RoleLevel.STAFF || p.role.level() == RoleLevel.TEAM_LEAD)
                    .toList();
            for (int i = 1; i <= instances; i++) {
                Person owner = owners.isEmpty() ? workforce.headOf(service.ownerUnit())
                        : owners.get(random.nextInt(owners.size()));
                String name = instances == 1 ? service.name() : service.name() + "-%02d".formatted(i);
                Person identity = new Person(workforce.people().size(), service.role(), owner, name, "",
                        IdentityKind.SERVICE);
                identity.location = owner.location;
                identity.hireDate = time.daysAgo(Draws.days(random, 200, 3000));
                workforce.people().add(identity);
            }
        }
    }
}
