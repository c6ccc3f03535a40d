package com.garage.mobile.domain.recommendation;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.telemetry.TroubleCode;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Next steps and checks for a technician on a job, merged from the rules (the codes' checks, due
 * services, declined work, the last inspection's yellow and red items) and the garage's learned
 * model (what its jobs with the same codes, concern words and season did), each with its reasons.
 */
@ApplicationScoped
public class JobSuggestions {

    private static final int LIMIT = 10;
    private static final String JOB = """
            select j.vehicle_id, j.concern, j.created_at,
                (select coalesce(json_agg(c.code order by c.code), '[]') from vehicle_trouble_code c
                 where c.vehicle_id = j.vehicle_id
                   and (c.job_id = j.id or c.last_seen_at >= j.created_at - interval '14 days')) as codes
            from job_card j where j.garage_id = $1 and j.id = $2""";
    private static final String LAST_FINDINGS = """
            select i.label, i.condition, i.note, j.number, s.completed_at from inspection_item i
            join inspection s on s.id = i.inspection_id join job_card j on j.id = s.job_id
            where j.garage_id = $1 and j.vehicle_id = $2 and j.id <> $3 and i.condition in ('YELLOW', 'RED')
              and s.id = (select s2.id from inspection s2 join job_card j2 on j2.id = s2.job_id
                          where j2.vehicle_id = $2 and j2.id <> $3 and s2.completed_at is not null
                          order by s2.completed_at desc limit 1)""";

    private final Pool pool;
    private final ModelStore models;
    private final VehicleFactsReader facts;
    private final VehicleRecommendations vehicles;
    private final RecommendationConfig config;
    private final GarageClock clock;

    public JobSuggestions(Pool pool, ModelStore models, VehicleFactsReader facts, VehicleRecommendations vehicles,
            RecommendationConfig config, GarageClock clock) {
        this.pool = pool;
        this.models = models;
        this.facts = facts;
        this.vehicles = vehicles;
        this.config = config;
        this.clock = clock;
    }

    public Uni<JobSuggestionList> forJob(Actor staff, UUID jobId) {
        Instant now = clock.now();
        return pool.preparedQuery(JOB).execute(Tuple.of(staff.garageId(), jobId)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("Job");
            }
            return rows.iterator().next();
        }).chain(job -> {
            UUID vehicleId = job.getUUID("vehicle_id");
            List<TroubleCode> codes = job.getJsonArray("codes").stream().map(String::valueOf).map(TroubleCode::new)
                    .toList();
            List<Suggestion> all = new ArrayList<>(TroubleCodeChecks.suggestions(codes));
            return facts.read(staff.garageId(), vehicleId, now.minus(config.declinedFollowUp()))
                    .chain(known -> vehicles.dueServices(known, now).invoke(due -> {
                        all.addAll(DueServices.suggestions(due));
                        all.addAll(declined(known));
                    }))
                    .chain(() -> findings(staff.garageId(), vehicleId, jobId)).invoke(all::addAll)
                    .chain(() -> models.latest(staff.garageId())).map(model -> {
                        model.ifPresent(learned -> all.addAll(learned.model().suggest(JobSignals.of(
                                job.getString("concern"), codes.stream().map(TroubleCode::code).toList(),
                                job.getOffsetDateTime("created_at").toLocalDate()), LIMIT)));
                        return new JobSuggestionList(jobId, codes.stream().map(TroubleCode::code).toList(),
                                model.map(LearnedModel::version).orElse(null),
                                model.map(LearnedModel::trainedAt).orElse(null), Suggestion.ranked(all, LIMIT));
                    });
        });
    }

    private static List<Suggestion> declined(VehicleFacts known) {
        return known.declined().stream().map(line -> new Suggestion(JobSignals.work(line.description()), 0.5,
                Suggestion.Source.DECLINED_FOLLOW_UP, List.of("The customer declined it on job %d; propose it again."
                        .formatted(line.jobNumber())), Map.of("lineId", line.lineId().toString()))).toList();
    }

    private Uni<List<Suggestion>> findings(UUID garageId, UUID vehicleId, UUID jobId) {
        return pool.preparedQuery(LAST_FINDINGS).execute(Tuple.of(garageId, vehicleId, jobId))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(JobSuggestions::finding).toList());
    }

    private static Suggestion finding(Row row) {
        boolean red = "RED".equals(row.getString("condition"));
        String note = row.getString("note") == null ? "" : ": " + row.getString("note");
        return new Suggestion(JobSignals.work("Inspect " + row.getString("label")), red ? 0.8 : 0.55,
                Suggestion.Source.INSPECTION, List.of("%s on job %d's inspection%s.".formatted(
                        red ? "Red" : "Yellow", row.getInteger("number"), note)),
                Map.of("condition", row.getString("condition"), "jobNumber", row.getInteger("number")));
    }
}
