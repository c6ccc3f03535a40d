package com.garage.mobile.technician.notifications;

import com.garage.mobile.domain.notification.device.KeyMaterial;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A browser's side of a Web Push subscription: its key pair and authentication secret, and the
 * decryption (RFC 8291 / RFC 8188) a browser applies to what the push service hands it. Written
 * apart from the server's encryption, so that the two check each other.
 */
public final class PushSubscriber {

    private final KeyPair keys;
    private final byte[] authSecret = new byte[16];

    public PushSubscriber() {
        try {
            keys = PushStubs.ecKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(authSecret);
    }

    public String p256dh() {
        return KeyMaterial.base64Url(publicKey());
    }

    public String auth() {
        return KeyMaterial.base64Url(authSecret);
    }

    public String decrypt(byte[] body) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] senderKey = new byte[in.get() & 0xff];
        in.get(senderKey);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        if (ciphertext.length > recordSize) {
            throw new GeneralSecurityException("record larger than the declared record size");
        }

        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(keys.getPrivate());
        agreement.doPhase(senderPublicKey(senderKey), true);
        byte[] shared = agreement.generateSecret();
        byte[] prkKey = hmac(authSecret, shared);
        byte[] ikm = Arrays.copyOf(hmac(prkKey, join(ascii("WebPush: info\0"), publicKey(), senderKey, new byte[] {1})), 32);
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, join(ascii("Content-Encoding: aes128gcm\0"), new byte[] {1})), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, join(ascii("Content-Encoding: nonce\0"), new byte[] {1})), 12);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = cipher.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new GeneralSecurityException("the last record must end with delimiter 2");
        }
        return new String(padded, 0, end, StandardCharsets.UTF_8);
    }

    private byte[] publicKey() {
        return KeyMaterial.rawPoint((ECPublicKey) keys.getPublic());
    }

    /** The sender's raw point as a key, through the X.509 encoding a browser would build. */
    private static ECPublicKey senderPublicKey(byte[] raw) throws GeneralSecurityException {
        byte[] prefix = ((ECPublicKey) PushStubs.ecKeyPair().getPublic()).getEncoded();
        byte[] encoded = Arrays.copyOf(prefix, prefix.length);
        System.arraycopy(raw, 0, encoded, prefix.length - raw.length, raw.length);
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(encoded));
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] join(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        ByteBuffer out = ByteBuffer.allocate(length);
        Arrays.stream(parts).forEach(out::put);
        return out.array();
    }
}
