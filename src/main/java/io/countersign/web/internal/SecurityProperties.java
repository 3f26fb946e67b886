package io.countersign.web.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers authenticate.
 *
 * @param jwt JWT bearer tokens from the bank's identity provider (off when {@code issuer-uri} is blank)
 */
@ConfigurationProperties("countersign.security")
record SecurityProperties(@DefaultValue Jwt jwt) {

    /**
     * @param issuerUri     the issuer; its OpenID configuration names the keys ({@code jwks_uri})
     * @param rolesClaim    claim holding the Countersign roles (names like {@code approver}, optionally prefixed {@code countersign.})
     * @param usernameClaim claim used as the operator's user name
     * @param identityClaim claim holding the bank identity id of the caller, for dual control
     * @param audience      when set, the token's {@code aud} must contain it (a token minted for another application is refused)
     * @param rolePrefix    only role values with this prefix count, e.g. {@code countersign.approver}; empty accepts bare names
     */
    record Jwt(@DefaultValue("") String issuerUri, @DefaultValue("roles") String rolesClaim,
               @DefaultValue("preferred_username") String usernameClaim, @DefaultValue("identity_id") String identityClaim,
               @DefaultValue("") String audience, @DefaultValue("countersign.") String rolePrefix) {

        boolean enabled() {
            return !issuerUri.isBlank();
        }
    }
}
