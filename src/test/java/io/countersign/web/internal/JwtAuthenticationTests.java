package io.countersign.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.countersign.operators.Operator;
import io.countersign.operators.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** Bearer JWTs from the bank's identity provider, checked against a stand-in provider on 127.0.0.1. */
class JwtAuthenticationTests {

    private StandInIdentityProvider bank;
    private AuthenticationManager manager;

    @BeforeEach
    void startTheBanksProvider() {
        bank = StandInIdentityProvider.start();
        manager = JwtAuthentication.manager(jwt("", "countersign."));
    }

    @AfterEach
    void stopTheBanksProvider() {
        bank.close();
    }

    @Test
    void turnsAValidTokenIntoAnOperatorWithItsRolesAndIdentity() {
        String token = bank.sign(claims().claim("roles", List.of("countersign.approver", "countersign.auditor")).build());

        Authentication authentication = manager.authenticate(new BearerTokenAuthenticationToken(token));

        Operator operator = (Operator) authentication.getPrincipal();
        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(operator.username()).isEqualTo("jane.doe");
        assertThat(operator.roles()).containsExactlyInAnyOrder(Role.APPROVER, Role.AUDITOR);
        assertThat(operator.identityId()).isEqualTo("idn-eq-head");
        assertThat(operator.disabled()).isFalse();
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_APPROVER", "ROLE_AUDITOR");
    }

    @Test
    void readsTheClaimsTheBankConfigures() {
        manager = JwtAuthentication.manager(new SecurityProperties.Jwt(bank.issuer(), "groups", "upn", "employee_id", "", "countersign."));
        String token = bank.sign(claims().claim("upn", "cco@bank.example").claim("employee_id", "idn-cco")
                .claim("groups", "countersign.compliance_officer countersign.reviewer").build());

        Operator operator = (Operator) manager.authenticate(new BearerTokenAuthenticationToken(token)).getPrincipal();

        assertThat(operator.username()).isEqualTo("cco@bank.example");
        assertThat(operator.roles()).containsExactlyInAnyOrder(Role.COMPLIANCE_OFFICER, Role.REVIEWER);
        assertThat(operator.identityId()).isEqualTo("idn-cco");
    }

    @Test
    void namesTheOperatorByItsSubjectWhenTheUserNameClaimIsMissing() {
        String token = bank.sign(claims().claim("preferred_username", null).claim("roles", List.of("countersign.reviewer")).build());

        Operator operator = (Operator) manager.authenticate(new BearerTokenAuthenticationToken(token)).getPrincipal();

        assertThat(operator.username()).isEqualTo("f3c1a7e0-subject");
    }

    @Test
    void givesNoRolesForARoleClaimThatNamesNoCountersignRole() {
        String token = bank.sign(claims().claim("roles", List.of("finance.approver", "countersign.superuser", "ROLE_ADMIN")).build());

        Authentication authentication = manager.authenticate(new BearerTokenAuthenticationToken(token));

        assertThat(((Operator) authentication.getPrincipal()).roles()).isEmpty();
        assertThat(authentication.getAuthorities()).isEmpty();
    }

    @Test
    void ignoresBareRoleNamesUnlessThePrefixIsEmpty() {
        String token = bank.sign(claims().claim("roles", List.of("admin", "approver")).build());

        assertThat(((Operator) manager.authenticate(new BearerTokenAuthenticationToken(token)).getPrincipal()).roles()).isEmpty();
        Operator bare = (Operator) JwtAuthentication.manager(jwt("", "")).authenticate(new BearerTokenAuthenticationToken(token)).getPrincipal();
        assertThat(bare.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.APPROVER);
    }

    @Test
    void refusesATokenForAnotherAudienceWhenAnAudienceIsConfigured() {
        AuthenticationManager addressed = JwtAuthentication.manager(jwt("countersign", "countersign."));
        String forUs = bank.sign(claims().audience(List.of("countersign", "other")).claim("roles", List.of("countersign.auditor")).build());
        String forOthers = bank.sign(claims().audience("payments-portal").claim("roles", List.of("countersign.auditor")).build());

        assertThat(((Operator) addressed.authenticate(new BearerTokenAuthenticationToken(forUs)).getPrincipal()).roles()).containsExactly(Role.AUDITOR);
        assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> addressed.authenticate(new BearerTokenAuthenticationToken(forOthers)));
    }

    private SecurityProperties.Jwt jwt(String audience, String rolePrefix) {
        return new SecurityProperties.Jwt(bank.issuer(), "roles", "preferred_username", "identity_id", audience, rolePrefix);
    }

    @Test
    void givesNoRolesWithoutARoleClaim() {
        String token = bank.sign(claims().build());

        assertThat(((Operator) manager.authenticate(new BearerTokenAuthenticationToken(token)).getPrincipal()).roles()).isEmpty();
    }

    @Test
    void refusesATokenSignedWithAnotherKeyUnderTheProvidersKeyId() {
        String forged = StandInIdentityProvider.sign(claims().claim("roles", List.of("countersign.admin")).build(),
                StandInIdentityProvider.newKey(bank.key().getKeyID()));

        assertRefused(forged);
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        String token = bank.sign(claims().issuer("http://127.0.0.1:1/realms/other").build());

        assertRefused(token);
    }

    @Test
    void refusesAnExpiredToken() {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        String token = bank.sign(claims().issueTime(Date.from(issued)).expirationTime(Date.from(issued.plus(Duration.ofHours(1)))).build());

        assertRefused(token);
    }

    @Test
    void refusesATokenThatNeverExpires() {
        String token = bank.sign(claims().expirationTime(null).build());

        assertRefused(token);
    }

    @Test
    void refusesAnUnsignedToken() {
        String token = new PlainJWT(claims().claim("roles", List.of("countersign.admin")).build()).serialize();

        assertRefused(token);
    }

    @Test
    void refusesATokenSignedWithTheProvidersPublicKeyAsAnHmacSecret() throws JOSEException {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(bank.key().getKeyID()).build(),
                claims().claim("roles", List.of("countersign.admin")).build());
        token.sign(new MACSigner(bank.key().toPublicJWK().toRSAPublicKey().getEncoded()));

        assertRefused(token.serialize());
    }

    @Test
    void refusesATokenThatNamesNoUser() {
        String token = bank.sign(claims().subject(null).claim("preferred_username", null).claim("roles", List.of("countersign.approver")).build());

        assertRefused(token);
    }

    @Test
    void refusesSomethingThatIsNotAToken() {
        assertRefused("not-a-jwt");
    }

    private void assertRefused(String token) {
        assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> manager.authenticate(new BearerTokenAuthenticationToken(token)));
    }

    /** A valid token's claims for Jane Doe, head of cash equities, good for the next hour. */
    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(bank.issuer()).subject("f3c1a7e0-subject").claim("preferred_username", "jane.doe")
                .claim("identity_id", "idn-eq-head").issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }
}
