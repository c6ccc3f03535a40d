package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * App sessions as the apps report them, the denominator of crash-free figures: a start records the
 * release (app, platform, version) and the person's ring then; an end closes it. A session is one
 * person's: another person's session id is not found, and a repeated start changes nothing.
 */
@ApplicationScoped
public class AppSessions {

    private static final String START = """
            insert into app_session (id, garage_id, person_id, app, platform, app_version, ring, started_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (id) do nothing""";
    private static final String END = """
            update app_session set ended_at = coalesce(ended_at, $3) where id = $1 and person_id = $2""";

    private final Pool pool;
    private final ReleaseRings rings;
    private final GarageClock clock;

    public AppSessions(Pool pool, ReleaseRings rings, GarageClock clock) {
        this.pool = pool;
        this.rings = rings;
        this.clock = clock;
    }

    public Uni<Void> start(Actor person, AppBuild build, UUID sessionId) {
        requireKnown(build);
        return rings.ringOf(person.personId(), build.app()).chain(ring -> pool.preparedQuery(START)
                .execute(Tuple.tuple().addUUID(sessionId).addUUID(person.garageId()).addUUID(person.personId())
                        .addString(build.app().name()).addString(build.platform().name())
                        .addString(build.version().toString()).addString(ring.name())
                        .addOffsetDateTime(SqlTime.at(clock.now()))))
                .replaceWithVoid();
    }

    public Uni<Void> end(Actor person, UUID sessionId) {
        return pool.preparedQuery(END).execute(Tuple.of(sessionId, person.personId(), SqlTime.at(clock.now())))
                .invoke(updated -> {
                    if (updated.rowCount() == 0) {
                        throw ProblemException.notFound("Session");
                    }
                }).replaceWithVoid();
    }

    static void requireKnown(AppBuild build) {
        if (build.platform() == null) {
            throw ProblemException.invalidField("X-App-Platform", "must name the app's platform: ios, android or web");
        }
        if (build.version() == null) {
            throw ProblemException.invalidField("X-App-Version", "must name the app's version, such as 2.14.1");
        }
    }
}
