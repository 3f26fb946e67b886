package io.countersign.agents;

import java.util.List;

/** An AI agent as policy defines it, with its scopes in readable form. */
public record Agent(String id, String name, String description, List<String> scopes, String policyId, int policyVersion) {

    public Agent {
        scopes = List.copyOf(scopes);
    }
}
