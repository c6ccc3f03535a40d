package com.garage.mobile.domain.survey;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The garage's survey answers for its admins, newest first: all, by kind, or those whose comment matches words. */
@ApplicationScoped
public class SurveySearch {

    public static final int LIMIT = 100;
    static final String SEARCH = """
            select id, kind, score, comment, job_id, person_role, answered_at from survey_answer
            where garage_id = $1 and ($2::text is null or kind = $2)
              and ($3::text is null or to_tsvector('simple', coalesce(comment, '')) @@ plainto_tsquery('simple', $3))
            order by answered_at desc limit""" + " " + LIMIT;

    private final Pool pool;

    public SurveySearch(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<SurveyAnswer>> search(UUID garageId, SurveyKind kind, String words) {
        return pool.preparedQuery(SEARCH).execute(Tuple.of(garageId, kind != null ? kind.name() : null, words))
                .map(rows -> {
                    List<SurveyAnswer> answers = new ArrayList<>();
                    rows.forEach(row -> answers.add(new SurveyAnswer(row.getUUID("id"),
                            SurveyKind.valueOf(row.getString("kind")), row.getInteger("score"), row.getString("comment"),
                            row.getUUID("job_id"), row.getString("person_role"),
                            row.getOffsetDateTime("answered_at").toInstant())));
                    return answers;
                });
    }
}
