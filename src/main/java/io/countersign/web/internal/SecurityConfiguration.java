package io.countersign.web.internal;

import static io.countersign.operators.Role.ADMIN;
import static io.countersign.operators.Role.AGENT;
import static io.countersign.operators.Role.APPROVER;
import static io.countersign.operators.Role.AUDITOR;
import static io.countersign.operators.Role.COMPLIANCE_OFFICER;
import static io.countersign.operators.Role.REVIEWER;

import java.util.Arrays;

import io.countersign.operators.Operators;
import io.countersign.operators.Role;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Who may call what. Every rule names its roles; anything not named is denied, and only health is open.
 * Only in a servlet application: the CLI commands other than {@code serve} start without a web server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final Role[] READ_DIRECTORY = {ADMIN, REVIEWER, COMPLIANCE_OFFICER, AUDITOR, APPROVER};
    private static final Role[] READ_APPROVALS = {APPROVER, COMPLIANCE_OFFICER, AUDITOR, ADMIN};
    private static final Role[] DECIDE = {APPROVER, COMPLIANCE_OFFICER};
    private static final Role[] EXPLAIN = {AUDITOR, COMPLIANCE_OFFICER, APPROVER, REVIEWER, ADMIN};
    private static final Role[] EVIDENCE = {AUDITOR, COMPLIANCE_OFFICER, ADMIN};

    @Bean
    LocalPasswordProvider localPasswordProvider(Operators operators) {
        return new LocalPasswordProvider(operators);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, LocalPasswordProvider passwords, Operators operators,
                            SecurityProperties properties) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(new ProviderManager(passwords))
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::unauthenticated))
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(bearerManagers(operators, properties))
                        .authenticationEntryPoint(SecurityConfiguration::unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::unauthenticated)
                        .accessDeniedHandler((request, response, denied) -> Problems.write(response, HttpStatus.FORBIDDEN,
                                "forbidden", "your roles do not allow " + request.getMethod() + " " + request.getRequestURI())))
                .authorizeHttpRequests(SecurityConfiguration::rules);
        return http.build();
    }

    /** Paths the firewall refuses ({@code //}, {@code ;}, {@code ..}, encoded slashes) never reach a rule. */
    @Bean
    RequestRejectedHandler requestRejected() {
        return (request, response, rejected) -> Problems.write(response, HttpStatus.BAD_REQUEST, "bad-request",
                "the request was rejected: its URL or a header is not allowed");
    }

    /**
     * An error dispatch renders the error of a request that was already authorised; denying it would turn every
     * 404, 405 or 500 into a 403 for {@code /error}.
     */
    private static void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry r) {
        r.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                // webhook receivers authenticate the calling platform themselves (shared secret, clientState)
                .requestMatchers("/hooks/**").permitAll()
                .requestMatchers("/actuator/**").hasAnyRole(names(ADMIN))
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/approvals", "/api/approvals/*").hasAnyRole(names(READ_APPROVALS))
                .requestMatchers(HttpMethod.POST, "/api/approvals/*/approve", "/api/approvals/*/reject").hasAnyRole(names(DECIDE))
                .requestMatchers(HttpMethod.GET, "/api/decisions/*/explain").hasAnyRole(names(EXPLAIN))
                .requestMatchers(HttpMethod.GET, "/api/ledger/**").hasAnyRole(names(EVIDENCE))
                .requestMatchers(HttpMethod.GET, "/api/directory/**").hasAnyRole(names(READ_DIRECTORY))
                .requestMatchers(HttpMethod.GET, "/api/sod/**").hasAnyRole(names(COMPLIANCE_OFFICER, AUDITOR, REVIEWER, ADMIN))
                .requestMatchers(HttpMethod.POST, "/api/sod/reviews").hasAnyRole(names(COMPLIANCE_OFFICER, ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/lifecycle/**").hasAnyRole(names(READ_APPROVALS))
                .requestMatchers(HttpMethod.GET, "/api/agents", "/api/policies").hasAnyRole(names(EVIDENCE))
                .requestMatchers(HttpMethod.POST, "/api/agents/writes").hasAnyRole(names(AGENT))
                .requestMatchers("/api/admin/**").hasAnyRole(names(ADMIN))
                .requestMatchers(HttpMethod.POST, "/api/hr/imports").hasAnyRole(names(ADMIN))
                // requesters ask for themselves; the controller checks who may ask for others and see which requests
                .requestMatchers(HttpMethod.POST, "/api/requests").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/requests", "/api/requests/*").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
                .requestMatchers(HttpMethod.POST, "/api/me/tokens").authenticated()
                .anyRequest().denyAll();
    }

    /** Local API tokens ({@code cs_...}) are looked up; anything else is a JWT when an issuer is configured. */
    private static AuthenticationManagerResolver<HttpServletRequest> bearerManagers(Operators operators, SecurityProperties properties) {
        AuthenticationManager local = new ProviderManager(new LocalTokenProvider(operators));
        AuthenticationManager jwt = properties.jwt().enabled() ? JwtAuthentication.manager(properties.jwt()) : authentication -> {
            throw new InvalidBearerTokenException("unknown bearer token");
        };
        DefaultBearerTokenResolver tokens = new DefaultBearerTokenResolver();
        return request -> {
            String token = tokens.resolve(request);
            return token != null && token.startsWith("cs_") ? local : jwt;
        };
    }

    private static void unauthenticated(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                                        org.springframework.security.core.AuthenticationException e) throws java.io.IOException {
        response.setHeader("WWW-Authenticate", "Bearer, Basic realm=\"countersign\"");
        Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "authentication is required: a bearer token or a local user");
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
