package io.countersign.web.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.countersign.operators.Operator;
import io.countersign.operators.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** Turns a JWT from the bank's identity provider into an operator: user name, roles and identity from configured claims. */
final class JwtOperatorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Jwt claims;

    JwtOperatorConverter(SecurityProperties.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = jwt.hasClaim(claims.usernameClaim()) ? jwt.getClaimAsString(claims.usernameClaim()) : jwt.getSubject();
        if (username == null || username.isBlank()) {
            throw new InvalidBearerTokenException("the token names no user: it has neither " + claims.usernameClaim() + " nor sub");
        }
        return new OperatorAuthentication(new Operator(username, username, roles(jwt), jwt.getClaimAsString(claims.identityClaim()), false));
    }

    private Set<Role> roles(Jwt jwt) {
        Object claim = jwt.getClaim(claims.rolesClaim());
        Collection<?> values = claim instanceof Collection<?> c ? c : claim == null ? List.of() : List.of(claim.toString().split("[ ,]"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String prefix = claims.rolePrefix();
        for (Object value : values) {
            String text = value.toString();
            if (!text.startsWith(prefix)) {
                continue;
            }
            String name = text.substring(prefix.length());
            for (Role role : Role.values()) {
                if (role.wireName().equalsIgnoreCase(name)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
