/**
 * Self-service access requests: a person (or someone allowed to act for them) asks for one entitlement with a
 * justification; the request is checked for separation of duties, scored by the approval model trained on the
 * bank's request history, ledgered with the model's factors, and routed by policy.
 *
 * <p>The entry class is {@link io.countersign.lifecycle.requests.AccessRequests}. A request is approved
 * without a person only when the item is in the policy catalogue for this requester, the model's probability
 * reaches the configured threshold, the {@code access_request} workflow's autonomy allows automation and no SoD
 * conflict follows. Everything else becomes an approval request carrying the model's reasons. What is approved
 * is granted by the {@code request-fulfilment-agent} under its scope, read back and ledgered; a time-bound grant
 * is removed when it ends.
 *
 * <p>The module is open, like the Workday source, because Spring Modulith lets only a nested module's parent and
 * siblings reach it otherwise, and the web and command-line layers need its entry class; everything under
 * {@code internal} stays package-private.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access requests",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.countersign.lifecycle.requests;
