package com.garage.mobile.domain.payment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.garage.GarageRepository;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobCardRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** A job's invoice as its customer or the garage's staff see it. */
@ApplicationScoped
public class InvoiceQueries {

    private final JobCardRepository jobs;
    private final GarageRepository garages;

    public InvoiceQueries(JobCardRepository jobs, GarageRepository garages) {
        this.jobs = jobs;
        this.garages = garages;
    }

    /** The invoice of a job of the actor's own (a customer) or of their garage (staff); 404 otherwise. */
    @WithSession
    public Uni<Invoice> of(Actor actor, UUID jobId) {
        return job(actor, jobId).chain(this::of);
    }

    Uni<JobCard> job(Actor actor, UUID jobId) {
        return actor.personId() != null && actor.role() == ActorRole.CUSTOMER
                ? jobs.requireOfCustomer(actor.garageId(), actor.personId(), jobId)
                : jobs.requireInGarage(actor.garageId(), jobId);
    }

    /** The invoice of a job, in the current session. */
    Uni<Invoice> of(JobCard job) {
        return garages.require(job.garageId).chain(garage -> settings(job.garageId)
                .chain(settings -> EstimateLine.<EstimateLine>list("jobId = ?1 order by position", job.id)
                        .chain(lines -> payments(job.id)
                                .map(payments -> Invoice.of(garage.currency, job.status, lines, settings, payments)))));
    }

    static Uni<PaymentSettings> settings(UUID garageId) {
        return PaymentSettings.<PaymentSettings>findById(garageId)
                .map(found -> found != null ? found : PaymentSettings.none(garageId));
    }

    private static Uni<List<Payment>> payments(UUID jobId) {
        return Payment.list("jobId = ?1 order by createdAt", jobId);
    }
}
