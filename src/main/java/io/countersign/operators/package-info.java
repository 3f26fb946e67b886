/**
 * Operators: the people and agents who use Countersign itself, their roles, passwords and API tokens.
 *
 * <p>The entry class is {@link io.countersign.operators.Operators}. Passwords are kept only as Argon2id
 * hashes and API tokens only as SHA-256 hashes; a token's plain text is shown once, when it is issued.
 * In production the bank's identity provider issues JWTs instead and this module only holds the
 * embedded default's local users.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operators")
package io.countersign.operators;
