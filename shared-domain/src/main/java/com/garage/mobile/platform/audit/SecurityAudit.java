package com.garage.mobile.platform.audit;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.identity.ActorAugmentor;
import com.garage.mobile.platform.problem.LoggedFailure;
import com.garage.mobile.platform.web.Endpoint;
import com.garage.mobile.platform.web.RequestInfo;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Audits what the security layer decided about a request before or instead of its service:
 * refusals no service recorded, and devices flagged in audit-only posture mode. Written in a
 * transaction of its own, from any thread. A caller without a verified garage cannot be put in a
 * garage's trail and is logged instead (route and request id, no personal data).
 */
@ApplicationScoped
public class SecurityAudit {

    private static final Logger LOG = Logger.getLogger(SecurityAudit.class);
    private static final int MAX_ID = 200;
    private static final String INSERT = """
            insert into audit_entry (garage_id, actor_subject, actor_role, device_id, client_ip, request_id, action,
                resource_type, resource_id, outcome, detail, occurred_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""";

    private final Pool pool;
    private final RequestInfo request;
    private final GarageClock clock;

    public SecurityAudit(Pool pool, RequestInfo request, GarageClock clock) {
        this.clock = clock;
        this.pool = pool;
        this.request = request;
    }

    /** Records the outcome of a request against the endpoint; never fails. {@code identity} may be null. */
    public Uni<Void> record(Endpoint endpoint, String path, SecurityIdentity identity, AuditOutcome outcome,
            Map<String, Object> detail) {
        Optional<Actor> actor = actorOf(identity);
        if (actor.isEmpty()) {
            LOG.infof("%s of %s by an unidentified caller (request %s): %s", outcome, endpoint.label(),
                    request.requestId(), detail);
            return Uni.createFrom().voidItem();
        }
        Target target = Target.of(endpoint, path);
        request.noteAudited(outcome);
        Actor who = actor.get();
        Tuple row = Tuple.tuple()
                .addUUID(who.garageId()).addString(who.subject()).addString(who.role().claimValue())
                .addString(request.deviceId()).addString(request.clientIp()).addString(request.requestId())
                .addString(target.action()).addString(target.resourceType()).addString(target.resourceId())
                .addString(outcome.name()).addValue(new JsonObject(detail))
                .addOffsetDateTime(clock.now().atOffset(ZoneOffset.UTC));
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT).execute(row))
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("Could not audit %s of %s (request %s): %s", outcome, endpoint.label(),
                            request.requestId(), LoggedFailure.describe(e));
                    return Uni.createFrom().voidItem();
                });
    }

    private static Optional<Actor> actorOf(SecurityIdentity identity) {
        if (identity == null) {
            return Optional.empty();
        }
        Actor actor = identity.getAttribute(ActorAugmentor.ACTOR_ATTRIBUTE);
        return Optional.ofNullable(actor != null ? actor
                : identity.getAttribute(ActorAugmentor.CLAIMED_ACTOR_ATTRIBUTE));
    }

    /** What the entry is filed under: the method's {@link AuditedAs}, else its route. */
    private record Target(String action, String resourceType, String resourceId) {

        static Target of(Endpoint endpoint, String path) {
            return endpoint.annotation(AuditedAs.class)
                    .map(named -> new Target(named.action(), named.resource(),
                            bounded(endpoint.pathParameter(path, named.idParam()).orElse(null))))
                    .orElseGet(() -> new Target(endpoint.label().substring(0, Math.min(100, endpoint.label().length())),
                            "endpoint", bounded(path)));
        }

        private static String bounded(String id) {
            return id == null || id.length() <= MAX_ID ? id : id.substring(0, MAX_ID);
        }
    }
}
