package io.countersign.web.internal;

import io.countersign.operators.Operators;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** HTTP Basic against local users (Argon2id hashes). */
final class LocalPasswordProvider implements AuthenticationProvider {

    private final Operators operators;

    LocalPasswordProvider(Operators operators) {
        this.operators = operators;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        return operators.authenticate(authentication.getName(), password == null ? null : password.toCharArray())
                .map(OperatorAuthentication::new)
                .orElseThrow(() -> new BadCredentialsException("bad user name or password"));
    }

    @Override
    public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }
}
