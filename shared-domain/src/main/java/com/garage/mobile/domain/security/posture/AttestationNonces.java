package com.garage.mobile.domain.security.posture;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.problem.LoggedFailure;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * Nonces for attestations, kept in Redis until used or expired. A nonce belongs to the person it
 * was issued to and is used once: a replayed or borrowed attestation is not fresh.
 */
@ApplicationScoped
public class AttestationNonces {

    private static final Logger LOG = Logger.getLogger(AttestationNonces.class);
    private static final String KEY = "garage:attestation-nonce:";
    private static final int NONCE_BYTES = 32;

    private final ReactiveValueCommands<String, String> values;
    private final PostureConfig config;
    private final SecureRandom random = new SecureRandom();

    public AttestationNonces(ReactiveRedisDataSource redis, PostureConfig config) {
        this.values = redis.value(String.class);
        this.config = config;
    }

    public Uni<AttestationNonce> issue(Actor actor) {
        byte[] bytes = new byte[NONCE_BYTES];
        random.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = Instant.now().plus(config.nonceTtl()).truncatedTo(ChronoUnit.SECONDS);
        return values.set(KEY + nonce, owner(actor), new SetArgs().ex(config.nonceTtl()).nx())
                .onFailure().transform(AttestationNonces::unavailable)
                .replaceWith(new AttestationNonce(nonce, expiresAt));
    }

    /** Uses up the nonce; fails unless it was issued to this actor and not used or expired. */
    public Uni<Void> consume(String nonce, Actor actor) {
        return values.getdel(KEY + nonce)
                .onFailure().transform(AttestationNonces::unavailable)
                .invoke(owner -> {
                    if (!owner(actor).equals(owner)) {
                        throw new PostureRefusal(ProblemType.ATTESTATION_NOT_FRESH,
                                "The device attestation was not made with a nonce we issued to you, or the nonce"
                                        + " was used or expired. Fetch a new nonce and attest again.");
                    }
                })
                .replaceWithVoid();
    }

    private static String owner(Actor actor) {
        return actor.garageId() + "/" + actor.subject();
    }

    private static ProblemException unavailable(Throwable failure) {
        LOG.warnf("Attestation nonces unavailable: Redis failed (%s)", LoggedFailure.describe(failure));
        return new ProblemException(ProblemType.UNAVAILABLE,
                "Device attestations cannot be checked right now. Try again in a minute.");
    }
}
