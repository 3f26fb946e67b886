package io.countersign.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Ids as each platform shapes them, derived from a stable name so the same bank always has the same ids:
 * Okta's 20-character ids with a type prefix ({@code 00u} users, {@code 00g} groups, {@code 0oa} apps),
 * GUIDs for Entra ID, and plain prefixed ids elsewhere.
 */
final class PlatformIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private final String platform;

    PlatformIds(String platform) {
        this.platform = platform;
    }

    String user(String login) {
        return id("00u", "user:" + login);
    }

    String group(String name) {
        return id("00g", "group:" + name);
    }

    String app(String name) {
        return id("0oa", "app:" + name);
    }

    private String id(String oktaPrefix, String name) {
        return switch (platform) {
            case "okta" -> oktaPrefix + base62(digest(name), 17);
            case "entra" -> UUID.nameUUIDFromBytes(("entra:" + name).getBytes(StandardCharsets.UTF_8)).toString();
            default -> platform + "-" + base62(digest(name), 12);
        };
    }

    private static byte[] digest(String name) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base62(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(BASE62.charAt((bytes[i] & 0xff) % 62));
        }
        return out.toString();
    }
}
