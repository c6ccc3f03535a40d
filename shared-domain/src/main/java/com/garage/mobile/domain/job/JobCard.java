package com.garage.mobile.domain.job;

import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The work order for one visit of a vehicle: what the customer reported and where the work stands. */
@Entity
@Table(name = "job_card")
public class JobCard extends GarageOwnedEntity {
    /** The number printed on the card and said at the counter, unique in the garage. */
    public int number;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "vehicle_id")
    public UUID vehicleId;
    @Column(name = "appointment_id")
    public UUID appointmentId;
    @Column(name = "advisor_id")
    public UUID advisorId;
    @Enumerated(EnumType.STRING)
    public JobStatus status;
    public String concern;
    @Column(name = "promised_at")
    public Instant promisedAt;
    @Column(name = "mileage_in_km")
    public Integer mileageInKm;
    /**
     * The sequence number of the job's latest event. Only SQL moves it ({@code JobEventLog},
     * {@code JobStatusRows}), so that adding an event does not count as a change of the job card's own version.
     */
    @Column(name = "last_event_seq", insertable = false, updatable = false)
    public int lastEventSeq;
    @Column(name = "closed_at")
    public Instant closedAt;

    /** Refuses a change based on another version than this job's current one. */
    public void requireVersion(long baseVersion) {
        if (version != baseVersion) {
            throw new StaleVersionException("Job " + number, baseVersion, version);
        }
    }
}
