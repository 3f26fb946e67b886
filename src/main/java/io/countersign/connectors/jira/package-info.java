/**
 * Tickets in Jira (Cloud REST v3) for requests routed to people, when {@code countersign.connectors.tickets.kind=jira}.
 *
 * <p>Creates an issue per request ({@code POST /rest/api/3/issue}, description in the Atlassian Document Format,
 * project and issue type from configuration, labelled with the request's id so it can be found again) and closes
 * it by a configured transition once the request is decided ({@code GET/POST /rest/api/3/issue/{key}/transitions}).
 * Basic auth with the account's e-mail and an API token, held as a secret reference. Jira's JSON stays here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jira tickets")
package io.countersign.connectors.jira;
