package io.countersign.simulator.internal.http;

import java.util.ArrayList;
import java.util.List;

import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.internal.hec.HecStandIn;
import io.countersign.simulator.internal.jira.JiraStandIn;
import io.countersign.simulator.internal.servicenow.ServiceNowStandIn;
import io.countersign.simulator.internal.workday.WorkdayStandIn;
import io.countersign.simulator.internal.okta.OktaStandIn;
import io.countersign.simulator.internal.graph.GraphStandIn;
import io.countersign.simulator.internal.compliance.ComplianceStandIn;

/** Every platform stand-in the server offers. */
public final class StandIns {

    private StandIns() {
    }

    public static List<StandIn> all(SimulatedTenant tenant, StandInOptions options) {
        List<StandIn> standIns = new ArrayList<>();
        standIns.add(new io.countersign.simulator.internal.scim.ScimStandIn(tenant, options));
        standIns.addAll(List.of(new WorkdayStandIn(tenant, options), new JiraStandIn(options), new ServiceNowStandIn(options), new HecStandIn(tenant, options)));
        standIns.add(new OktaStandIn(tenant, options));
        standIns.add(new GraphStandIn(tenant, options));
        standIns.add(new ComplianceStandIn(options));
        return standIns;
    }
}
