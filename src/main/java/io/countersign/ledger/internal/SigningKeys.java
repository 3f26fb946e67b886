package io.countersign.ledger.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import io.countersign.ledger.LedgerException;

/**
 * The Ed25519 key that signs checkpoints: generated on first use into a PKCS#8 PEM file readable only by
 * its owner; the public key is SubjectPublicKeyInfo PEM, and its id is the first 16 hex digits of the
 * SHA-256 of its DER encoding.
 */
final class SigningKeys {

    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static SigningKeys loadOrCreate(Path privateKeyFile) {
        try {
            if (Files.exists(privateKeyFile)) {
                return load(privateKeyFile);
            }
            return create(privateKeyFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new LedgerException("ledger.signing-key", "countersign.ledger.signing-key-file: cannot use "
                    + privateKeyFile + " (" + e.getMessage() + ")", e);
        }
    }

    private static SigningKeys create(Path file) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(publicKeyFile(file), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return new SigningKeys(pair.getPrivate(), pair.getPublic());
    }

    private static SigningKeys load(Path file) throws IOException, GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
        PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(file), "PRIVATE KEY")));
        Path publicFile = publicKeyFile(file);
        if (!Files.exists(publicFile)) {
            throw new GeneralSecurityException("the public key " + publicFile + " next to the private key is missing");
        }
        return new SigningKeys(privateKey, parsePublicKey(Files.readString(publicFile)));
    }

    static Path publicKeyFile(Path privateKeyFile) {
        return privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".pub");
    }

    static PublicKey parsePublicKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
    }

    String sign(String message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new LedgerException("ledger.sign", "cannot sign a checkpoint: " + e.getMessage(), e);
        }
    }

    static boolean verify(PublicKey key, String message, String base64Signature) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    PublicKey publicKey() {
        return publicKey;
    }

    String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    static String keyId(PublicKey key) {
        return Sha256.hex(key.getEncoded()).substring(0, 16);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem, String type) throws GeneralSecurityException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new GeneralSecurityException("not a PEM " + type.toLowerCase());
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }
}
