package io.countersign.simulator.internal.http;

import java.util.ArrayList;
import java.util.List;

import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.internal.graph.GraphStandIn;

/** Every platform stand-in the server offers. */
public final class StandIns {

    private StandIns() {
    }

    public static List<StandIn> all(SimulatedTenant tenant, StandInOptions options) {
        List<StandIn> standIns = new ArrayList<>();
        standIns.add(new GraphStandIn(tenant, options));
        return standIns;
    }
}
