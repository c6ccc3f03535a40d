package com.garage.mobile.domain.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Makes a creating request safe to send again: the first request with a key does the work and
 * its answer is kept; a replay of the key gets that answer and changes nothing. Runs inside the
 * caller's transaction, so a failed request leaves no key behind. Two requests racing with one
 * key are ordered by the key's primary key: the second waits, then replays.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final String CLAIM = """
            insert into idempotency_key (garage_id, actor_subject, key, operation, request_hash)
            values (:garage, :subject, :key, :operation, :hash) on conflict do nothing""";
    private static final String KEEP = """
            update idempotency_key set response_status = :status, response_body = cast(cast(:body as text) as jsonb)
            where garage_id = :garage and actor_subject = :subject and key = :key""";
    private static final String FIRST = """
            select r.operation, r.requestHash, r.responseStatus, r.responseBody from KeptResponse r
            where r.garageId = :garage and r.actorSubject = :subject and r.key = :key""";
    private static final String PURGE = "delete from idempotency_key where created_at < now() - make_interval(secs => $1)";

    private final ObjectMapper json;
    private final Pool pool;
    private final IdempotencyConfig config;

    public IdempotencyKeys(ObjectMapper json, Pool pool, IdempotencyConfig config) {
        this.json = json;
        this.pool = pool;
        this.config = config;
    }

    /**
     * Runs {@code work} once per key and actor. Without a key the work simply runs. A key reused
     * for a different request is refused with 422.
     */
    public Uni<IdempotentResponse> once(Actor actor, String key, String operation, Object request,
            Supplier<Uni<IdempotentResponse>> work) {
        if (key == null) {
            return work.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String hash = fingerprint(operation, request);
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                .setParameter("garage", actor.garageId()).setParameter("subject", actor.subject())
                .setParameter("key", key).setParameter("operation", operation).setParameter("hash", hash)
                .executeUpdate()
                .chain(claimed -> claimed == 1
                        ? work.get().call(response -> keep(session, actor, key, response))
                        : replay(session, actor, key, operation, hash)));
    }

    @Scheduled(every = "${garage.idempotency.purge-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return pool.preparedQuery(PURGE).execute(Tuple.of((double) config.retention().toSeconds()))
                .onFailure().invoke(e -> LOG.warnf("Purging idempotency keys failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Integer> keep(Mutiny.Session session, Actor actor, String key, IdempotentResponse response) {
        return session.createNativeQuery(KEEP).setParameter("garage", actor.garageId())
                .setParameter("subject", actor.subject()).setParameter("key", key)
                .setParameter("status", response.status()).setParameter("body", response.body().toString())
                .executeUpdate();
    }

    private Uni<IdempotentResponse> replay(Mutiny.Session session, Actor actor, String key, String operation,
            String hash) {
        return session.createSelectionQuery(FIRST, Object[].class).setParameter("garage", actor.garageId())
                .setParameter("subject", actor.subject()).setParameter("key", key)
                .getSingleResult()
                .map(row -> {
                    if (!operation.equals(row[0]) || !hash.equals(row[1]) || row[2] == null) {
                        throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                                "This Idempotency-Key was already used for a different request.");
                    }
                    return new IdempotentResponse(((Number) row[2]).intValue(), parse((String) row[3]));
                });
    }

    private String fingerprint(String operation, Object request) {
        try {
            byte[] body = json.writeValueAsBytes(request);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored response is not JSON", e);
        }
    }
}
