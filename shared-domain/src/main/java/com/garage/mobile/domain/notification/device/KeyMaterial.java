package com.garage.mobile.domain.notification.device;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/** Keys as the providers hand them out: PEM files, raw P-256 points and scalars in base64url. */
public final class KeyMaterial {

    private static final ECParameterSpec P256 = p256();
    private static final int COORDINATE = 32;

    private KeyMaterial() {
    }

    /** A PKCS#8 PEM private key ({@code RSA} or {@code EC}); escaped newlines from env vars are fine. */
    public static PrivateKey pkcs8(String pem, String algorithm) {
        String base64 = pem.replace("\\n", "\n")
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a PKCS#8 " + algorithm + " private key in PEM", e);
        }
    }

    /** An uncompressed P-256 point ({@code 0x04 || x || y}) as a public key; refuses points off the curve. */
    public static ECPublicKey p256Point(byte[] raw) {
        if (raw.length != 1 + 2 * COORDINATE || raw[0] != 0x04) {
            throw new IllegalArgumentException("not an uncompressed P-256 point");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(raw, 1, 1 + COORDINATE));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(raw, 1 + COORDINATE, raw.length));
        requireOnCurve(x, y);
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 point", e);
        }
    }

    /** The uncompressed encoding of a P-256 public key. */
    public static byte[] rawPoint(ECPublicKey key) {
        byte[] raw = new byte[1 + 2 * COORDINATE];
        raw[0] = 0x04;
        copyUnsigned(key.getW().getAffineX(), raw, 1);
        copyUnsigned(key.getW().getAffineY(), raw, 1 + COORDINATE);
        return raw;
    }

    /** A P-256 private key from its 32-byte scalar. */
    public static ECPrivateKey p256Scalar(byte[] d) {
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, d), P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 private key", e);
        }
    }

    public static ECParameterSpec p256Parameters() {
        return P256;
    }

    /** base64url with or without padding, as browsers and key tools write it. */
    public static byte[] base64Url(String value) {
        return Base64.getUrlDecoder().decode(value.replace("=", ""));
    }

    public static String base64Url(byte[] value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static void requireOnCurve(BigInteger x, BigInteger y) {
        BigInteger p = ((ECFieldFp) P256.getCurve().getField()).getP();
        BigInteger left = y.modPow(BigInteger.TWO, p);
        BigInteger right = x.pow(3).add(P256.getCurve().getA().multiply(x)).add(P256.getCurve().getB()).mod(p);
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0 || !left.equals(right)) {
            throw new IllegalArgumentException("point is not on P-256");
        }
    }

    private static void copyUnsigned(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int start = Math.max(0, bytes.length - COORDINATE);
        int length = bytes.length - start;
        System.arraycopy(bytes, start, target, offset + COORDINATE - length, length);
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks P-256", e);
        }
    }
}
