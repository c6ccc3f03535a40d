package com.garage.mobile.platform.security.posture;

import com.garage.mobile.domain.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies an attestation JWT: signed by a configured key with an asymmetric algorithm, from the
 * configured issuer, for this BFF, unexpired and recent, and stating what the policy needs.
 */
@ApplicationScoped
public class AttestationVerifier {

    private static final String[] ALGORITHMS = {AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
        AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, AlgorithmIdentifiers.RSA_USING_SHA256,
        AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.EDDSA};

    private final PostureConfig config;
    private final AttestationKeys keys;

    public AttestationVerifier(PostureConfig config, AttestationKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    /** The attestation's statements, or a {@link PostureRefusal} saying what is wrong with it. */
    public Uni<DeviceAttestation> verify(String jwt) {
        return keys.current().map(current -> read(jwt, current))
                .onFailure(UnknownKey.class).recoverWithUni(() -> keys.afterUnknownKey().map(fresh -> read(jwt, fresh)))
                .onFailure(UnknownKey.class).transform(e -> invalid("names a signing key we do not know"));
    }

    private DeviceAttestation read(String jwt, List<JsonWebKey> current) {
        try {
            JwtClaims claims = consumer(current).processToClaims(jwt);
            return new DeviceAttestation(required(claims, "nonce"), integrity(required(claims, "deviceIntegrity")),
                    required(claims, "osName"), required(claims, "osVersion"), required(claims, "appId"),
                    required(claims, "appVersion"));
        } catch (InvalidJwtException e) {
            if (hasCause(e, UnresolvableKeyException.class)) {
                throw new UnknownKey();
            }
            throw invalid(reason(e));
        }
    }

    private JwtConsumer consumer(List<JsonWebKey> current) {
        JwksVerificationKeyResolver resolver = new JwksVerificationKeyResolver(current);
        resolver.setDisambiguateWithVerifySignature(true);
        int skew = (int) config.clockSkew().toSeconds();
        return new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, ALGORITHMS)
                .setVerificationKeyResolver(resolver)
                .setExpectedIssuer(config.issuer())
                .setExpectedAudience(config.audience())
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setIssuedAtRestrictions(skew, (int) config.maxAge().toSeconds())
                .setAllowedClockSkewInSeconds(skew)
                .build();
    }

    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "has expired; make a new one for this request";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "was not issued by the integrity service we trust";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "was made for another service";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_PAST)) {
            return "is too old; make a new one for this request";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return "is not signed by the integrity service";
        }
        return "is not a valid signed attestation";
    }

    private static String required(JwtClaims claims, String name) {
        try {
            String value = claims.getStringClaimValue(name);
            if (value == null || value.isBlank() || value.length() > 200) {
                throw invalid("does not state " + name);
            }
            return value;
        } catch (MalformedClaimException e) {
            throw invalid("states " + name + " in the wrong form");
        }
    }

    private static DeviceIntegrity integrity(String verdict) {
        try {
            return DeviceIntegrity.valueOf(verdict);
        } catch (IllegalArgumentException e) {
            throw invalid("states an unknown device integrity verdict");
        }
    }

    private static PostureRefusal invalid(String reason) {
        return new PostureRefusal(ProblemType.ATTESTATION_INVALID, "The device attestation " + reason + ".");
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Signed with a key we do not hold: worth reading the keys again once. */
    private static final class UnknownKey extends RuntimeException {
        UnknownKey() {
            super(null, null, false, false);
        }
    }
}
