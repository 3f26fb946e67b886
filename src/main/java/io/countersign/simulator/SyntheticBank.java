package io.countersign.simulator;

import io.countersign.simulator.internal.BankGenerator;
import org.springframework.stereotype.Component;

/**
 * Generates synthetic banks: the directory of a plausible investment and private bank, for the demo, the
 * tests and benchmarks.
 *
 * <p>The organisation, applications, entitlements, role bundles and separation-of-duties rules come from
 * the catalogue bundled under {@code simulator/} on the class path, read once, on the first generation.
 * {@link #generate(BankSpec)} is a pure function of its spec: the same spec gives an identical snapshot,
 * with no clock, randomness or I/O from outside. Nothing is stored or ledgered; loading the snapshot into
 * the directory is the caller's decision. Usable as a Spring bean or with {@code new SyntheticBank()}.
 */
@Component
public final class SyntheticBank {

    private BankGenerator generator;

    /**
     * The bundled catalogue is read on the first {@link #generate} (not when the application starts, since most
     * commands never generate a bank); an inconsistent catalogue fails that call with {@link IllegalStateException}.
     */
    public SyntheticBank() {
    }

    private synchronized BankGenerator generator() {
        if (generator == null) {
            generator = new BankGenerator();
        }
        return generator;
    }

    /**
     * Generates the bank the spec describes: about {@code employees} people plus service identities, some
     * 60 applications and 400 entitlements, and {@code employees * days / 12} past access requests.
     * Takes well under a second for 2,000 employees and a few seconds for 50,000.
     */
    public GeneratedBank generate(BankSpec spec) {
        return generator().generate(spec);
    }
}
