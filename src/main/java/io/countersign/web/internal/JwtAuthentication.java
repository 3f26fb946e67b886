package io.countersign.web.internal;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Bearer JWTs from the bank's identity provider: signature, issuer and lifetime are checked against the keys its
 * OpenID configuration publishes (fetched on first use, so start-up does not depend on the provider), then the
 * claims become an operator.
 */
final class JwtAuthentication {

    private JwtAuthentication() {
    }

    static AuthenticationManager manager(SecurityProperties.Jwt jwt) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(new SupplierJwtDecoder(() -> decoder(jwt.issuerUri())));
        provider.setJwtAuthenticationConverter(new JwtOperatorConverter(jwt));
        return new ProviderManager(provider);
    }

    /** Spring's default accepts a token without {@code exp}, which would be valid for ever; we refuse it. */
    private static JwtDecoder decoder(String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
        JwtTimestampValidator lifetime = new JwtTimestampValidator();
        lifetime.setAllowEmptyExpiryClaim(false);
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(issuer), lifetime));
        return decoder;
    }
}
