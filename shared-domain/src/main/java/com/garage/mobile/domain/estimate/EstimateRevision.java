package com.garage.mobile.domain.estimate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** Which revision a job's estimate is at; the database counts it (a trigger on the lines), never the code. */
@Entity
@Immutable
@Table(name = "estimate_revision")
public class EstimateRevision extends PanacheEntityBase {
    @Id
    @Column(name = "job_id")
    public UUID jobId;
    public int revision;
    @Column(name = "changed_at")
    public Instant changedAt;

    /** 0 while nothing is priced, so nothing is shown. */
    public static Uni<Integer> of(UUID jobId) {
        return EstimateRevision.<EstimateRevision>findById(jobId).map(found -> found == null ? 0 : found.revision);
    }
}
