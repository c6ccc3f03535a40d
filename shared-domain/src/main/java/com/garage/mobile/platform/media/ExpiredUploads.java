package com.garage.mobile.platform.media;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.media.UploadLedger;
import com.garage.mobile.domain.media.UploadRecord;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Removes uploads that waited longer than {@code garage.media.upload-expiry} for their next chunk:
 * the store's multipart upload is aborted (its parts freed), the tail and the media row removed.
 */
@ApplicationScoped
public class ExpiredUploads {

    private static final int BATCH = 100;

    private final UploadLedger ledger;
    private final TusUploads uploads;
    private final GarageClock clock;

    public ExpiredUploads(UploadLedger ledger, TusUploads uploads, GarageClock clock) {
        this.ledger = ledger;
        this.uploads = uploads;
        this.clock = clock;
    }

    @Scheduled(every = "${garage.media.sweep-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** Removes one batch of expired uploads; answers how many. */
    public int sweep() {
        Instant now = clock.now();
        List<UploadRecord> expired = TusUploads.await(() -> ledger.expired(now, BATCH));
        for (UploadRecord upload : expired) {
            uploads.discard(upload);
            Actor system = Actor.system(upload.garageId(), Origin.scheduler("media-upload-expiry", now.toString()));
            TusUploads.await(() -> ledger.abandon(system, upload, "expired", now));
        }
        return expired.size();
    }
}
