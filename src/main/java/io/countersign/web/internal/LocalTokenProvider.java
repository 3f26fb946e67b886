package io.countersign.web.internal;

import io.countersign.operators.Operators;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** Local API tokens, compared by their SHA-256 hash. */
final class LocalTokenProvider implements AuthenticationProvider {

    private final Operators operators;

    LocalTokenProvider(Operators operators) {
        this.operators = operators;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        return operators.resolveToken(token).map(OperatorAuthentication::new)
                .orElseThrow(() -> new InvalidBearerTokenException("unknown, expired or revoked token"));
    }

    @Override
    public boolean supports(Class<?> type) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(type);
    }
}
