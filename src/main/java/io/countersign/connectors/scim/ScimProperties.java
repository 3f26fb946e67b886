package io.countersign.connectors.scim;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SCIM connector configured at start-up; nothing is made unless {@code url} is set.
 *
 * @param url            the SCIM base URL, e.g. {@code https://app.example/scim/v2}
 * @param token          where the bearer token lives: {@code env:NAME} or {@code file:PATH}, never the token itself
 * @param platform       the platform this SCIM endpoint provisions, as scopes and the directory name it
 * @param groupMode      {@code groups} to manage the provider's groups, {@code none} to leave them alone
 * @param noteAttribute  the User attribute that takes the reason note, a full path with its schema URN
 * @param pageSize       users or groups asked for per page when reading the directory (the provider may send fewer)
 */
@ConfigurationProperties("countersign.connectors.scim")
record ScimProperties(String url, String token, @DefaultValue(ScimSettings.DEFAULT_PLATFORM) String platform,
                      @DefaultValue("groups") String groupMode, @DefaultValue(ScimSettings.DEFAULT_NOTE_ATTRIBUTE) String noteAttribute,
                      @DefaultValue("100") int pageSize) {
}
