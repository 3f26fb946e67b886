package io.countersign.web.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
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
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(new SupplierJwtDecoder(() -> decoder(jwt)));
        provider.setJwtAuthenticationConverter(new JwtOperatorConverter(jwt));
        return new ProviderManager(provider);
    }

    /**
     * Spring's default accepts a token without {@code exp}, which would be valid for ever; we refuse it. With an
     * audience configured, a token not addressed to Countersign is refused too.
     */
    private static JwtDecoder decoder(SecurityProperties.Jwt jwt) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(jwt.issuerUri()).build();
        JwtTimestampValidator lifetime = new JwtTimestampValidator();
        lifetime.setAllowEmptyExpiryClaim(false);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(new JwtIssuerValidator(jwt.issuerUri()), lifetime));
        if (!jwt.audience().isBlank()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(jwt.audience())));
        }
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
        return decoder;
    }
}
