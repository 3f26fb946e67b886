/**
 * The Okta connector: one Okta org as a {@link io.countersign.connectors.Connector} and
 * {@link io.countersign.connectors.TenantReader} for platform {@code okta}, made by the factory {@code okta}.
 *
 * <p>Users, groups, memberships and application assignments are read and written through Okta's official Java SDK
 * (with its paging); writes and read-backs reach Countersign only through {@link io.countersign.connectors.Provisioning},
 * which checks the agent's scope and ledgers every step. Reason notes go into a configurable custom profile attribute.
 * The System Log ({@code system_log}) is polled ascending, following Okta's next links; the link is the durable
 * cursor stored with each page. Okta event hooks are received at {@code /hooks/okta}: the verification challenge is
 * echoed, the authorization header must carry the configured secret (otherwise 401 and nothing is stored), and the
 * events are stored in the inbox before the 200 answer, deduplicated on Okta's {@code uuid}, to be processed later.
 * Okta SDK types never leave this package; the API token and hook secret are never logged, ledgered or shown.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Okta connector")
package io.countersign.connectors.okta;
