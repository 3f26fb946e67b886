package io.countersign.policy.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.countersign.policy.PolicyRef;

/**
 * A policy file's name and bytes, as read.
 *
 * @param name        relative to the policy directory
 * @param contentHash first 16 hex characters of the SHA-256 of {@code bytes}
 */
record SourceFile(String name, byte[] bytes, String contentHash) {

    static SourceFile of(String name, byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new SourceFile(name, bytes.clone(), HexFormat.of().formatHex(digest).substring(0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    PolicyRef ref(String id, int version) {
        return new PolicyRef(id, version, contentHash);
    }
}
