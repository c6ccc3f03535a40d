package com.garage.mobile.platform.media;

import com.garage.mobile.domain.media.MediaStoring;
import com.garage.mobile.domain.media.UploadLedger;
import com.garage.mobile.domain.media.UploadRecord;
import com.garage.mobile.platform.outbox.NewWork;
import com.garage.mobile.platform.outbox.OutboundHandler;
import com.garage.mobile.platform.outbox.OutboundWork;
import com.garage.mobile.platform.outbox.Outbox;
import com.garage.mobile.platform.outbox.OutboxConfig;
import com.garage.mobile.platform.outbox.Outcome;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The check of a completed upload ({@link MediaProcessor}) as outbound work: enqueued with the
 * upload's completion, retried with the outbox's backoff while the store fails, and after the last
 * attempt the media is marked {@code CHECK_FAILED} and the item dead-lettered for an admin to replay.
 */
@ApplicationScoped
public class MediaCheck implements OutboundHandler {

    public static final String KIND = "media-check";
    // Far beyond the attempts' backoff (about 1.5 h with the defaults), so the attempts run out first
    // and the media is marked, rather than the item expiring unseen.
    private static final Duration TTL = Duration.ofDays(7);

    private final Outbox outbox;
    private final UploadLedger ledger;
    private final MediaStoring storing;
    private final MediaProcessor processor;
    private final OutboxConfig config;

    public MediaCheck(Outbox outbox, UploadLedger ledger, MediaStoring storing, MediaProcessor processor,
            OutboxConfig config) {
        this.outbox = outbox;
        this.ledger = ledger;
        this.storing = storing;
        this.processor = processor;
        this.config = config;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Asks for the upload's check, in the transaction that records its completion. */
    Uni<Void> enqueue(SqlConnection transaction, UploadRecord upload, Instant now) {
        return outbox.enqueue(transaction, List.of(new NewWork(KIND, upload.garageId(),
                "media:" + upload.id() + ":check", null, new JsonObject().put("mediaId", upload.id().toString()),
                now, now.plus(TTL))));
    }

    @Override
    public Uni<Outcome> handle(OutboundWork work) {
        UUID id = UUID.fromString(work.payload().getString("mediaId"));
        return Uni.createFrom().item(() -> check(work, id)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Outcome check(OutboundWork work, UUID id) {
        UploadRecord upload = TusUploads.await(() -> ledger.find(id));
        if (upload == null || !TusUploads.await(() -> storing.awaitingCheck(id))) {
            return new Outcome.Drop("settled", "the media was checked, deleted or removed already");
        }
        try {
            processor.process(upload);
            return new Outcome.Delivered("checked");
        } catch (Exception e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (work.attempts() + 1 < config.maxAttempts()) {
                return new Outcome.RetryLater(reason);
            }
            TusUploads.await(() -> storing.checkFailed(id, reason));
            return new Outcome.GiveUp(reason);
        }
    }

    @Override
    public Map<String, Object> summary(JsonObject payload) {
        return Map.of("mediaId", payload.getString("mediaId"));
    }
}
