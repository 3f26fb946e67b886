package io.countersign.simulator.internal;

import java.util.List;
import java.util.SplittableRandom;

import io.countersign.directory.IdentityStatus;
import io.countersign.directory.PastAccessRequest;
import io.countersign.simulator.BankSpec;
import io.countersign.simulator.GeneratedBank;

/**
 * Generates a bank in fixed steps, each drawing from its own split of one generator seeded from the spec,
 * so a spec always gives the same bank. Entry point of the module's internals for
 * {@link io.countersign.simulator.SyntheticBank}.
 */
public final class BankGenerator {

    private final Catalogue catalogue;

    public BankGenerator() {
        this.catalogue = CatalogueReader.read();
    }

    public GeneratedBank generate(BankSpec spec) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        Timeline time = new Timeline(spec.asOf(), spec.days());
        Workforce workforce = new Workforce(catalogue, spec.employees(), random.split()).build();
        Careers careers = new Careers(catalogue, time, spec.days(), random.split());
        careers.assign(workforce, spec.employees());
        new ConflictPlanter(catalogue, careers, random.split()).plant(workforce, spec.employees());
        new ServiceIdentities(catalogue, time, random.split()).add(workforce, spec.employees());
        Naming naming = new Naming();
        List<Person> everyone = naming.assign(workforce.people(), random.split());
        Provisioning provisioning = new Provisioning(catalogue, time, random.split(), administrators(workforce));
        provisioning.provision(everyone);
        new Dormancy(time, random.split()).apply(everyone);
        provisioning.settleAccounts(everyone);
        List<AccountDraft> orphans = new OrphanAccounts(catalogue, time, random.split())
                .create(spec.employees(), naming);
        List<PastAccessRequest> history = new RequestHistory(catalogue, workforce, time, random.split())
                .generate(everyone, spec.employees(), spec.days());
        return new SnapshotAssembler(catalogue, workforce).assemble(spec, everyone, orphans, history);
    }

    /** Who makes direct grants on the platforms: active staff of the administrators' desk, or its head. */
    private List<Person> administrators(Workforce workforce) {
        int unit = catalogue.organisation().administrators();
        List<Person> staff = workforce.people().stream()
                .filter(p -> p.role.unit() == unit && p.role.level() == RoleLevel.STAFF && p.status == IdentityStatus.ACTIVE
                        && !p.contractLapsed)
                .toList();
        return staff.isEmpty() ? List.of(workforce.headOf(unit)) : staff;
    }
}
