package io.countersign.web.internal;

import io.countersign.operators.Operator;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated operator; authorities are {@code ROLE_<ROLE>}. The credentials are not kept. */
final class OperatorAuthentication extends AbstractAuthenticationToken {

    private final Operator operator;

    OperatorAuthentication(Operator operator) {
        super(operator.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.operator = operator;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Operator getPrincipal() {
        return operator;
    }

    @Override
    public String getName() {
        return operator.username();
    }
}
