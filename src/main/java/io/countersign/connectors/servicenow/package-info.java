/**
 * Tickets in ServiceNow (Table API) for requests routed to people, when {@code countersign.connectors.tickets.kind=servicenow}.
 *
 * <p>Creates a record per request ({@code POST /api/now/table/{table}}, e.g. {@code sc_task} or {@code incident},
 * with fields from configuration and the request's id as {@code correlation_id}, answering {@code sys_id} and
 * {@code number}) and closes it by setting the configured state once the request is decided. Basic auth with a
 * user and a password held as a secret reference. ServiceNow's JSON stays here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "ServiceNow tickets")
package io.countersign.connectors.servicenow;
