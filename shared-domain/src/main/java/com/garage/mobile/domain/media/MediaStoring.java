package com.garage.mobile.domain.media;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.event.Changed;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.job.JobEventLog;
import com.garage.mobile.domain.job.JobEventType;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The end of a media's upload, once its bytes were checked in the background: stored (with its
 * SHA-256, sniffed content type and thumbnail) and announced on the job's timeline, or refused.
 * The garage's system does this work, so the entries name the system as actor.
 */
@ApplicationScoped
public class MediaStoring {

    public static final String STORE = "media.store";
    public static final String REJECT = "media.reject";
    public static final String CHECK_FAIL = "media.check-fail";

    private final JobCardRepository jobs;
    private final MediaTargets targets;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final GarageClock clock;

    public MediaStoring(JobCardRepository jobs, MediaTargets targets, JobEventLog events, AuditTrail audit,
            GarageClock clock) {
        this.jobs = jobs;
        this.targets = targets;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the checks found in the bytes. */
    public record Checked(String sha256, String contentType, String thumbnailKey) {
    }

    /** Whether the media still waits for its check: not gone, not deleted, neither stored nor refused yet. */
    @WithSession
    public Uni<Boolean> awaitingCheck(UUID mediaId) {
        return Media.<Media>findById(mediaId).map(media -> media != null && media.deletedAt == null
                && (media.status == MediaStatus.UPLOADING || media.status == MediaStatus.CHECK_FAILED));
    }

    @WithTransaction
    public Uni<Changed<Media>> stored(UUID mediaId, Checked checked) {
        Instant now = clock.now();
        return Media.<Media>findById(mediaId).chain(media -> {
            media.status = MediaStatus.STORED;
            media.storedAt = now;
            media.sha256 = checked.sha256();
            media.contentType = checked.contentType();
            media.thumbnailKey = checked.thumbnailKey();
            media.updatedAt = now;
            Actor system = system(media);
            Map<String, Object> change = Map.of("mediaId", media.id.toString(), "kind", media.kind.name(),
                    "targetType", media.targetType, "targetId", media.targetId.toString());
            return announced(media, change, system, now)
                    .call(() -> audit.record(system, STORE, "media", media.id, AuditOutcome.SUCCESS,
                            Map.of("sha256", checked.sha256(), "contentType", checked.contentType()), now))
                    .map(events -> new Changed<>(media, events));
        });
    }

    /** The job's timeline tells of the media; media outside any job (a general conversation's) have none to tell. */
    private Uni<List<JobEventMessage>> announced(Media media, Map<String, Object> change, Actor system, Instant now) {
        if (media.jobId == null) {
            return Uni.createFrom().item(List.of());
        }
        return targets.of(media.targetType).visibleToCustomer(media.garageId, Set.of(media.targetId))
                .chain(visible -> jobs.requireInGarage(media.garageId, media.jobId)
                        .chain(job -> events.append(job, visible.contains(media.targetId)
                                ? JobEventType.CUSTOMER_MEDIA_ADDED : JobEventType.MEDIA_ADDED, change, system, now)))
                .map(event -> List.of(event.message()));
    }

    @WithTransaction
    public Uni<Media> rejected(UUID mediaId, String sniffedType) {
        Instant now = clock.now();
        return Media.<Media>findById(mediaId).call(media -> {
            media.status = MediaStatus.REJECTED;
            media.updatedAt = now;
            return audit.record(system(media), REJECT, "media", media.id, AuditOutcome.REFUSED,
                    Map.of("declared", media.contentType, "sniffed", sniffedType), now);
        });
    }

    /** The check failed every attempt: the bytes stay in the store, unchecked and never shown. */
    @WithTransaction
    public Uni<Media> checkFailed(UUID mediaId, String reason) {
        Instant now = clock.now();
        return Media.<Media>findById(mediaId).call(media -> {
            media.status = MediaStatus.CHECK_FAILED;
            media.updatedAt = now;
            return audit.record(system(media), CHECK_FAIL, "media", media.id, AuditOutcome.FAILED,
                    Map.of("reason", reason), now);
        });
    }

    private static Actor system(Media media) {
        return Actor.system(media.garageId, Origin.scheduler("media-processing", media.id.toString()));
    }
}
