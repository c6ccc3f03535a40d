package com.garage.mobile.domain.media.tus;

import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/** A chunk's {@code Upload-Checksum}: an algorithm (sha256 or sha1) and the Base64 digest of the chunk's bytes. */
public record UploadChecksum(String algorithm, byte[] digest) {

    public static Optional<UploadChecksum> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.trim().split(" ");
        if (parts.length != 2) {
            throw ProblemException.invalidField(Tus.UPLOAD_CHECKSUM, "must be an algorithm and a Base64 digest");
        }
        String algorithm = parts[0];
        if (!algorithm.equals("sha256") && !algorithm.equals("sha1")) {
            throw ProblemException.invalidField(Tus.UPLOAD_CHECKSUM, "supports " + Tus.CHECKSUM_ALGORITHMS);
        }
        try {
            byte[] digest = Base64.getDecoder().decode(parts[1]);
            if (digest.length != (algorithm.equals("sha256") ? 32 : 20)) {
                throw ProblemException.invalidField(Tus.UPLOAD_CHECKSUM, "has a digest of the wrong length");
            }
            return Optional.of(new UploadChecksum(algorithm, digest));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(Tus.UPLOAD_CHECKSUM, "is not Base64");
        }
    }

    /** A fresh digest of this checksum's algorithm, to feed the chunk through. */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(algorithm.equals("sha256") ? "SHA-256" : "SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses the chunk (460) unless its bytes' digest is this one. */
    public void requireMatch(byte[] actual) {
        if (!MessageDigest.isEqual(digest, actual)) {
            throw new ProblemException(ProblemType.CHECKSUM_MISMATCH,
                    "The chunk's " + algorithm + " does not match Upload-Checksum; nothing of it was kept.");
        }
    }
}
