package com.garage.mobile.platform.push.webpush;

import com.garage.mobile.domain.notification.device.KeyMaterial;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a push payload for one subscriber (RFC 8291, "aes128gcm" content coding of RFC 8188):
 * a fresh ECDH key pair and salt per message, keys derived with HKDF from the subscriber's
 * public key and authentication secret, one record.
 */
public final class WebPushEncryption {

    /** The record size we declare; one record carries the whole payload. */
    static final int RECORD_SIZE = 4096;
    /** What fits in one record: the size less the padding delimiter and the GCM tag. */
    public static final int MAX_PLAINTEXT = RECORD_SIZE - 1 - 16 - 86;
    private static final byte LAST_RECORD = 2;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebPushEncryption() {
    }

    /** The request body: header (salt, record size, our public key) and the ciphertext. */
    public static byte[] encrypt(byte[] plaintext, byte[] subscriberPublicKey, byte[] authSecret) {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("payload of " + plaintext.length + " bytes exceeds " + MAX_PLAINTEXT);
        }
        try {
            KeyPair ephemeral = ephemeralKeyPair();
            byte[] ourPublicKey = KeyMaterial.rawPoint((ECPublicKey) ephemeral.getPublic());
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(ephemeral.getPrivate());
            agreement.doPhase(KeyMaterial.p256Point(subscriberPublicKey), true);
            byte[] ecdhSecret = agreement.generateSecret();

            byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), subscriberPublicKey,
                    ourPublicKey);
            byte[] ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            byte[] contentKey = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
            byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, nonce));
            byte[] ciphertext = cipher.doFinal(concat(plaintext, new byte[] {LAST_RECORD}));

            ByteBuffer header = ByteBuffer.allocate(16 + 4 + 1 + ourPublicKey.length);
            header.put(salt).putInt(RECORD_SIZE).put((byte) ourPublicKey.length).put(ourPublicKey);
            return concat(header.array(), ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Web Push encryption failed", e);
        }
    }

    /** HKDF-SHA-256 (RFC 5869) for outputs of at most one block. */
    static byte[] hkdf(byte[] salt, byte[] inputKey, byte[] info, int length) throws GeneralSecurityException {
        byte[] pseudoRandomKey = hmac(salt, inputKey);
        return Arrays.copyOf(hmac(pseudoRandomKey, concat(info, new byte[] {1})), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static KeyPair ephemeralKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(KeyMaterial.p256Parameters(), RANDOM);
        return generator.generateKeyPair();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
