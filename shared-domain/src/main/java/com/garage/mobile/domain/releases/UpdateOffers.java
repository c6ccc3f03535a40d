package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.StreamSupport;

/**
 * The update offer of one person on one build: so that a rollout stays staged even for an app
 * that would find the new version in its store, the app asks us, and we answer by the person's
 * ring and bucket ({@link RolloutBucket}) against each rollout's percentage now.
 */
@ApplicationScoped
public class UpdateOffers {

    private static final String CANDIDATES = "select " + Release.COLUMNS + ", " + Rollout.COLUMNS + """
             from app_release r join release_rollout o on o.release_id = r.id
            where r.app = $1 and r.platform = $2 and r.store_status = 'AVAILABLE'""";

    private final Pool pool;
    private final ReleaseRings rings;
    private final GarageClock clock;
    private final ReleasesConfig config;

    public UpdateOffers(Pool pool, ReleaseRings rings, GarageClock clock, ReleasesConfig config) {
        this.pool = pool;
        this.rings = rings;
        this.clock = clock;
        this.config = config;
    }

    public Uni<UpdateOffer> offerFor(Actor person, AppBuild build) {
        if (!build.known() || person.personId() == null) {
            return Uni.createFrom().item(UpdateOffer.NONE);
        }
        Instant now = clock.now();
        RolloutSchedule schedule = config.schedule();
        return rings.ringOf(person.personId(), build.app()).chain(ring -> pool.preparedQuery(CANDIDATES)
                .execute(Tuple.of(build.app().name(), build.platform().name()))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> new Candidate(Release.of(row), Rollout.of(row)))
                        .filter(candidate -> build.version().isBefore(candidate.release().version()))
                        .filter(candidate -> ring.receives(candidate.rollout().ring()))
                        .filter(candidate -> RolloutBucket.isIn(candidate.release().id(), person.personId(),
                                candidate.rollout().progress().percentBpAt(now, schedule)))
                        .max(Comparator.comparing(candidate -> candidate.release().version()))
                        .map(UpdateOffers::offer)
                        .orElse(UpdateOffer.NONE)));
    }

    private record Candidate(Release release, Rollout rollout) {
    }

    private static UpdateOffer offer(Candidate candidate) {
        Release release = candidate.release();
        return new UpdateOffer(true, release.version().toString(), release.build(), release.notes(),
                release.minimumOs(), candidate.rollout().ring());
    }
}
