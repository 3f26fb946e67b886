package io.countersign.simulator.internal.graph;

import java.io.IOException;

/** One family of Graph resources (users, groups, applications, audit logs, subscriptions). */
interface GraphResource {

    /** Answers the request and returns true, or returns false when the path is not this resource's. */
    boolean handle(GraphRequest request) throws IOException;
}
