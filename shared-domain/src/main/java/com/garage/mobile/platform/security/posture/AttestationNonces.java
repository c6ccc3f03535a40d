package com.garage.mobile.platform.security.posture;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Nonces for attestations, kept in PostgreSQL until used or expired (so that a Redis outage
 * does not stop changes from the bay). A nonce belongs to the person it was issued to and is used
 * once: a replayed or borrowed attestation is not fresh.
 */
@ApplicationScoped
public class AttestationNonces {

    private static final int NONCE_BYTES = 32;
    private static final String ISSUE = "with expired as (delete from attestation_nonce where expires_at < now())"
            + " insert into attestation_nonce (nonce, garage_id, subject, expires_at) values ($1, $2, $3, $4)";
    private static final String CONSUME = "delete from attestation_nonce"
            + " where nonce = $1 and garage_id = $2 and subject = $3 and expires_at > now() returning nonce";

    private final Pool pool;
    private final PostureConfig config;
    private final GarageClock clock;
    private final SecureRandom random = new SecureRandom();

    public AttestationNonces(Pool pool, PostureConfig config, GarageClock clock) {
        this.clock = clock;
        this.pool = pool;
        this.config = config;
    }

    public Uni<AttestationNonce> issue(Actor actor) {
        byte[] bytes = new byte[NONCE_BYTES];
        random.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.now().plus(config.nonceTtl()).truncatedTo(ChronoUnit.SECONDS);
        return pool.preparedQuery(ISSUE)
                .execute(Tuple.of(nonce, actor.garageId(), actor.subject(), expiresAt.atOffset(ZoneOffset.UTC)))
                .replaceWith(new AttestationNonce(nonce, expiresAt));
    }

    /** Uses up the nonce; fails unless it was issued to this actor and not used or expired. */
    public Uni<Void> consume(String nonce, Actor actor) {
        return pool.preparedQuery(CONSUME).execute(Tuple.of(nonce, actor.garageId(), actor.subject()))
                .invoke(used -> {
                    if (used.rowCount() == 0) {
                        throw new PostureRefusal(ProblemType.ATTESTATION_NOT_FRESH,
                                "The device attestation was not made with a nonce we issued to you, or the nonce"
                                        + " was used or expired. Fetch a new nonce and attest again.");
                    }
                })
                .replaceWithVoid();
    }
}
