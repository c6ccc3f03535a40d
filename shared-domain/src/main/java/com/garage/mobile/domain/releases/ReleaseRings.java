package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Who is in which ring of an app: admins place the people of their garage (internal, beta or back
 * to production); a person joins or leaves the beta from the app. Leaving the beta does not take
 * a person out of the internal ring, which only an admin does.
 */
@ApplicationScoped
public class ReleaseRings {

    public static final String ASSIGN = "release-ring.assign";
    public static final String JOIN_BETA = "release-ring.join-beta";
    public static final String LEAVE_BETA = "release-ring.leave-beta";
    private static final String UPSERT = """
            insert into release_ring_member (person_id, app, garage_id, ring, source, joined_at)
            values ($1, $2, $3, $4, $5, $6)
            on conflict (person_id, app) do update set ring = excluded.ring, source = excluded.source,
                joined_at = excluded.joined_at""";
    private static final String JOIN = UPSERT + " where release_ring_member.ring <> 'INTERNAL'";
    private static final String PERSON = """
            select 1 from staff where id = $1 and garage_id = $2 and $3 = 'STAFF'
            union all select 1 from customer where id = $1 and garage_id = $2 and $3 = 'CUSTOMER'""";

    private final Pool pool;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;

    public ReleaseRings(Pool pool, AuditTrail audit, AuditedAction audited, GarageClock clock) {
        this.pool = pool;
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
    }

    /** The person's ring in the app: production unless they are in another. */
    public Uni<Ring> ringOf(UUID personId, AppAudience app) {
        if (personId == null) {
            return Uni.createFrom().item(Ring.PRODUCTION);
        }
        return pool.preparedQuery("select ring from release_ring_member where person_id = $1 and app = $2")
                .execute(Tuple.of(personId, app.name()))
                .map(rows -> rows.rowCount() == 0 ? Ring.PRODUCTION : Ring.valueOf(rows.iterator().next().getString("ring")));
    }

    /** An admin places a person of their garage in a ring of an app (production: out of every other ring). */
    public Uni<Ring> assign(Actor admin, UUID personId, AppAudience app, Ring ring) {
        return audited.run(admin, ASSIGN, "person", personId, () -> pool.withTransaction(connection -> connection
                .preparedQuery(PERSON).execute(Tuple.of(personId, admin.garageId(), app.name()))
                .chain(found -> {
                    if (found.rowCount() == 0) {
                        return Uni.createFrom().failure(ProblemException.notFound("Person"));
                    }
                    Instant now = clock.now();
                    Uni<?> change = ring == Ring.PRODUCTION
                            ? connection.preparedQuery("delete from release_ring_member where person_id = $1 and app = $2")
                                    .execute(Tuple.of(personId, app.name()))
                            : connection.preparedQuery(UPSERT).execute(row(personId, app, admin.garageId(), ring, "ADMIN", now));
                    return change.call(() -> audit.record(connection, admin, ASSIGN, "person", personId,
                            AuditOutcome.SUCCESS, Map.of("app", app.name(), "ring", ring.name()), now));
                })).replaceWith(ring));
    }

    /** The person joins (or leaves) the beta of the app they use; answers their ring afterwards. */
    public Uni<Ring> beta(Actor person, AppAudience app, boolean joined) {
        String action = joined ? JOIN_BETA : LEAVE_BETA;
        return audited.run(person, action, "person", person.personId(), () -> pool.withTransaction(connection -> {
            Instant now = clock.now();
            Uni<?> change = joined
                    ? connection.preparedQuery(JOIN).execute(row(person.personId(), app, person.garageId(), Ring.BETA, "SELF", now))
                    : connection.preparedQuery("delete from release_ring_member where person_id = $1 and app = $2"
                            + " and ring = 'BETA'").execute(Tuple.of(person.personId(), app.name()));
            return change.call(() -> audit.record(connection, person, action, "person", person.personId(),
                    AuditOutcome.SUCCESS, Map.of("app", app.name()), now));
        })).chain(() -> ringOf(person.personId(), app));
    }

    private static Tuple row(UUID personId, AppAudience app, UUID garageId, Ring ring, String source, Instant now) {
        return Tuple.tuple().addUUID(personId).addString(app.name()).addUUID(garageId).addString(ring.name())
                .addString(source).addOffsetDateTime(SqlTime.at(now));
    }
}
