/**
 * SCIM 2.0 connector: provisions into any SCIM service provider (RFC 7643 / RFC 7644), such as an
 * application's SCIM endpoint, Entra ID or Okta, through UnboundID's SCIM 2 SDK.
 *
 * <p>Made by the factory {@code scim} from {@code url} (the SCIM base, e.g. {@code https://app/scim/v2}),
 * {@code token} (a {@link io.countersign.connectors.SecretRef} to the bearer token), {@code platform} (the
 * platform name it answers for, default {@code scim}), {@code group-mode} ({@code groups}, the default, or
 * {@code none} when the provider's groups are not Countersign's to change: they are then neither read nor
 * written), {@code note-attribute} (where the reason note goes) and {@code page-size} (default 100); or at
 * start-up from {@code countersign.connectors.scim.*} when a URL is configured.
 *
 * <p>Writes map onto SCIM as follows, each preceded by a read so that a write already in effect answers
 * {@link io.countersign.connectors.ChangeResult.AlreadyInState} and sends nothing: create user is a POST of a
 * new user, or a PUT of the existing one with the profile applied and {@code active: true}; disable user is
 * {@code active: false}; memberships are PATCH {@code add members} and {@code remove members[value eq "id"]}
 * on the group found by {@code displayName}; application assignments are values of the user's
 * {@code entitlements} ({@code app:permission}); the reason note goes into {@code note-attribute} when the
 * provider's {@code /ResourceTypes} and {@code /Schemas} show the User resource holds it, else the write is
 * {@link io.countersign.connectors.ChangeResult.Rejected}. A provider without PATCH gets a PUT of the changed
 * resource instead. When a resource carries {@code meta.version}, PUT and PATCH send it as {@code If-Match};
 * a 412 re-reads the resource and tries once more, then reports. Errors in the SCIM error schema become
 * {@code Rejected} (the provider refused: 400, 404, 409, 501) or {@code Failed} (401/403, a second 412, 429
 * and 5xx after bounded retries, no answer, an answer that is not SCIM JSON), with the provider's
 * {@code status}, {@code scimType} and {@code detail}. The bearer token is added to each request at the HTTP
 * layer and appears in no log line, result or exception.
 *
 * <p>The read side lists every user and group by {@code startIndex}/{@code count} until {@code totalResults}.
 * SCIM has no event feed, so this connector offers no event streams.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SCIM 2.0 connector")
package io.countersign.connectors.scim;
