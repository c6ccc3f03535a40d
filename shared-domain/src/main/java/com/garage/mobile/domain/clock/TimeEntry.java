package com.garage.mobile.domain.clock;

import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A span a technician worked on a job (or a step of it), or paused; running while {@code endedAt}
 * is null. {@code startedAt}/{@code endedAt} are what counts; the device's own times and the server's
 * times of learning them are kept beside.
 */
@Entity
@Table(name = "time_entry")
public class TimeEntry extends GarageOwnedEntity {
    @Column(name = "job_id")
    public UUID jobId;
    @Column(name = "step_id")
    public UUID stepId;
    @Column(name = "technician_id")
    public UUID technicianId;
    @Enumerated(EnumType.STRING)
    public EntryKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "pause_reason")
    public PauseReason pauseReason;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "device_started_at")
    public Instant deviceStartedAt;
    @Column(name = "device_ended_at")
    public Instant deviceEndedAt;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "ended_recorded_at")
    public Instant endedRecordedAt;
    @Enumerated(EnumType.STRING)
    public EntrySource source;

    public boolean running() {
        return endedAt == null;
    }

    public Span span() {
        return new Span(id, jobId, stepId, kind, startedAt, endedAt);
    }
}
