package com.garage.mobile.api.chat;

import com.garage.mobile.domain.chat.ChatEventPublisher;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.job.JobEventType;
import com.garage.mobile.platform.events.LocalCommitListener;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * A job's status change writes a system message into its customer channel (by trigger, in the
 * change's transaction); the writing pod publishes it at once, as it does the job event.
 */
@ApplicationScoped
class ChatMilestones implements LocalCommitListener {

    private static final String OF_JOBS = "select id from chat_conversation where job_id = any($1)";

    private final ChatEventPublisher publisher;
    private final Pool pool;

    ChatMilestones(ChatEventPublisher publisher, Pool pool) {
        this.publisher = publisher;
        this.pool = pool;
    }

    @Override
    public Uni<Void> committed(List<JobEventMessage> events) {
        List<UUID> jobs = events.stream().filter(e -> JobEventType.STATUS_CHANGED.wireName().equals(e.type()))
                .map(JobEventMessage::jobId).distinct().toList();
        if (jobs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(OF_JOBS).execute(Tuple.of(jobs.toArray(UUID[]::new)))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(row -> publisher.publishPending(row.getUUID("id")))
                .collect().last().replaceWithVoid()
                .onFailure().recoverWithNull();
    }
}
