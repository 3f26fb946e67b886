/**
 * The REST API (OpenAPI at {@code /v3/api-docs}), health and metrics.
 *
 * <p>Never open: every endpoint but {@code /actuator/health} needs an authenticated operator with the
 * role that endpoint names: local users (HTTP Basic) and API tokens in the embedded default, JWTs from
 * the bank's identity provider when {@code countersign.security.jwt.issuer-uri} is set. Errors are RFC
 * 7807 problem documents.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package io.countersign.web;
