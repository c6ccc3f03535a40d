package com.garage.mobile.domain.feedback;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Feedback sent from any screen of either app into the garage's inbox, and the reporter's own list
 * with where each stands and the garage's note. The app's id makes a resend harmless: the same
 * feedback again answers what was stored, other content under that id is refused.
 */
@ApplicationScoped
public class FeedbackReports {

    public static final String ACTION = "feedback.send";
    public static final int MINE = 50;
    private static final String INSERT = """
            insert into feedback (id, garage_id, person_id, person_role, category, body, screen, app_platform,
                app_version, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (id) do nothing""";
    private static final String STORED = "select garage_id, person_id, " + Feedback.COLUMNS + " from feedback"
            + " where id = $1";
    private static final String OWN = "select " + Feedback.COLUMNS + " from feedback where garage_id = $1"
            + " and person_id = $2 order by created_at desc limit " + MINE;

    /** What was stored, and whether this call stored it. */
    public record Sent(Feedback feedback, boolean created) {
    }

    private final Pool pool;
    private final AuditTrail audit;
    private final GarageClock clock;

    public FeedbackReports(Pool pool, AuditTrail audit, GarageClock clock) {
        this.pool = pool;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Sent> send(Actor reporter, FeedbackRequest request, AppBuild build) {
        Instant now = clock.now();
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT)
                .execute(Tuple.from(new Object[] {request.id(), reporter.garageId(), reporter.personId(),
                        reporter.role().claimValue(), request.category().name(), request.text(), request.screen(),
                        build.platform() != null ? build.platform().value() : null,
                        build.version() != null ? build.version().toString() : null, now.atOffset(ZoneOffset.UTC)}))
                .chain(inserted -> inserted.rowCount() == 1
                        ? audit.record(connection, reporter, ACTION, "feedback", request.id(), AuditOutcome.SUCCESS,
                                        Map.of("category", request.category().name()), now)
                                .replaceWith(true)
                        : Uni.createFrom().item(false))
                .chain(created -> connection.preparedQuery(STORED).execute(Tuple.of(request.id()))
                        .map(rows -> rows.iterator().next())
                        .map(row -> {
                            if (!reporter.garageId().equals(row.getUUID("garage_id"))
                                    || !reporter.personId().equals(row.getUUID("person_id"))) {
                                throw reused();
                            }
                            Feedback stored = Feedback.of(row);
                            if (stored.category() != request.category() || !stored.text().equals(request.text())
                                    || !Objects.equals(stored.screen(), request.screen())) {
                                throw reused();
                            }
                            return new Sent(stored, created);
                        })));
    }

    /** The reporter's latest feedback, newest first, with where each stands and the garage's note. */
    public Uni<List<Feedback>> mine(Actor reporter) {
        return pool.preparedQuery(OWN).execute(Tuple.of(reporter.garageId(), reporter.personId())).map(rows -> {
            List<Feedback> own = new ArrayList<>();
            rows.forEach(row -> own.add(Feedback.of(row)));
            return own;
        });
    }

    private static ProblemException reused() {
        return new ProblemException(Problem.of(ProblemType.FEEDBACK_ID_REUSED,
                "This id was used for other feedback; send new feedback with a new id."));
    }
}
