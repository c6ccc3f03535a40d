package com.garage.mobile.domain.feedback;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.media.MediaTarget;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Screenshots sent with one's own feedback, up to {@link #MOST} of them: the reporter uploads them after the feedback
 * was stored, the garage's admins see them in the inbox, and a customer who reported sees their own. They belong to
 * no job.
 */
@ApplicationScoped
public class FeedbackScreenshots implements MediaTarget {

    public static final String TYPE = "feedback";
    static final int MOST = 3;
    private static final String REPORT = """
            select f.person_id, f.person_role, (select count(*) from media m where m.garage_id = f.garage_id
                   and m.target_type = $3 and m.target_id = f.id and m.status <> 'REJECTED' and m.deleted_at is null)
                   as attached
            from feedback f where f.garage_id = $1 and f.id = $2""";

    private final Pool pool;

    public FeedbackScreenshots(Pool pool) {
        this.pool = pool;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** One's own feedback only (another's is not found), while it holds fewer than {@link #MOST}. */
    @Override
    public Uni<Optional<UUID>> jobForAttaching(Actor actor, UUID targetId) {
        return report(actor.garageId(), targetId).map(found -> {
            if (found == null || !actor.personId().equals(found.getUUID("person_id"))) {
                throw ProblemException.notFound("Feedback");
            }
            if (found.getLong("attached") >= MOST) {
                throw new ProblemException(Problem.of(ProblemType.INVALID_TRANSITION,
                        "This feedback has its %d screenshots already.".formatted(MOST)));
            }
            return Optional.empty();
        });
    }

    @Override
    public boolean takesCustomerUploads() {
        return true;
    }

    /** Seen by the customer who reported, the only one {@link #customerOutsideJobs} lets through. */
    @Override
    public Uni<Set<UUID>> visibleToCustomer(UUID garageId, Collection<UUID> targetIds) {
        return Uni.createFrom().item(Set.copyOf(targetIds));
    }

    @Override
    public Uni<UUID> customerOutsideJobs(UUID garageId, UUID targetId) {
        return report(garageId, targetId).map(found -> found != null && "customer".equals(found.getString("person_role"))
                ? found.getUUID("person_id") : null);
    }

    private Uni<Row> report(UUID garageId, UUID feedbackId) {
        return pool.preparedQuery(REPORT).execute(Tuple.of(garageId, feedbackId, TYPE))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null);
    }
}
