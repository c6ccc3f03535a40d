package com.garage.mobile.domain.survey;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.notification.FieldErrors;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Stores a person's survey answer when {@link SurveyRules} allow it, holding a per-person advisory
 * lock, so two answers sent at once cannot both pass the limits; the job named must be the person's
 * own closed job. The comment stays in {@code survey_answer}, apart from the analytics events.
 */
@ApplicationScoped
public class SurveyAnswers {

    public static final String ACTION = "survey.answer";
    static final String LAST = "select max(answered_at) filter (where kind = 'NPS') as last_nps,"
            + " max(answered_at) as last_any from survey_answer where garage_id = $1 and person_id = $2";

    private final Pool pool;
    private final AuditTrail audit;
    private final GarageClock clock;

    public SurveyAnswers(Pool pool, AuditTrail audit, GarageClock clock) {
        this.pool = pool;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<SurveyAnswer> answer(Actor person, SurveyAnswerRequest request) {
        if (!request.kind().allows(request.score())) {
            new FieldErrors().add("score", "must be from " + request.kind().range()).throwIfAny();
        }
        Instant now = clock.now();
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment();
        SurveyAnswer answer = new SurveyAnswer(UUID.randomUUID(), request.kind(), request.score(), comment,
                request.jobId(), person.role().claimValue(), now);
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_advisory_xact_lock(hashtextextended('survey:' || $1, 0))")
                .execute(Tuple.of(person.personId().toString()))
                .chain(() -> requireClosedJob(connection, person, request.jobId()))
                .chain(() -> last(connection, person))
                .invoke(last -> {
                    String refusal = SurveyRules.refusal(request.kind(), now, last.get("nps"), last.get("any"));
                    if (refusal != null) {
                        throw new ProblemException(Problem.of(ProblemType.SURVEY_NOT_DUE, refusal));
                    }
                })
                .chain(() -> insert(connection, person, answer))
                .chain(() -> audit.record(connection, person, ACTION, "survey-answer", answer.id(), AuditOutcome.SUCCESS,
                        detail(answer), now)))
                .replaceWith(answer);
    }

    /** Which surveys the person may answer now. */
    public Uni<Map<String, Boolean>> due(Actor person) {
        Instant now = clock.now();
        return last(pool, person).map(last -> Map.of(
                "nps", SurveyRules.refusal(SurveyKind.NPS, now, last.get("nps"), last.get("any")) == null,
                "csat", SurveyRules.refusal(SurveyKind.CSAT, now, last.get("nps"), last.get("any")) == null));
    }

    private static Uni<Void> requireClosedJob(SqlConnection connection, Actor person, UUID jobId) {
        if (jobId == null) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("select status, customer_id from job_card where id = $1 and garage_id = $2")
                .execute(Tuple.of(jobId, person.garageId()))
                .invoke(rows -> {
                    Row job = rows.size() == 0 ? null : rows.iterator().next();
                    if (job == null || (person.isCustomer() && !person.personId().equals(job.getUUID("customer_id")))) {
                        throw ProblemException.notFound("Job");
                    }
                    if (!"CLOSED".equals(job.getString("status"))) {
                        throw ProblemException.invalidField("jobId", "must be a closed job");
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<Map<String, Instant>> last(SqlClient client, Actor person) {
        return client.preparedQuery(LAST).execute(Tuple.of(person.garageId(), person.personId())).map(rows -> {
            Row row = rows.iterator().next();
            Map<String, Instant> last = new HashMap<>();
            last.put("nps", instant(row.getOffsetDateTime("last_nps")));
            last.put("any", instant(row.getOffsetDateTime("last_any")));
            return last;
        });
    }

    private static Uni<Void> insert(SqlConnection connection, Actor person, SurveyAnswer answer) {
        return connection.preparedQuery("insert into survey_answer (id, garage_id, person_id, person_role, kind, score,"
                        + " comment, job_id, answered_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.tuple().addUUID(answer.id()).addUUID(person.garageId()).addUUID(person.personId())
                        .addString(answer.personRole()).addString(answer.kind().name()).addInteger(answer.score())
                        .addString(answer.comment()).addUUID(answer.jobId())
                        .addOffsetDateTime(answer.answeredAt().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private static Map<String, Object> detail(SurveyAnswer answer) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("kind", answer.kind().name());
        detail.put("score", answer.score());
        if (answer.jobId() != null) {
            detail.put("jobId", answer.jobId().toString());
        }
        return detail;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
