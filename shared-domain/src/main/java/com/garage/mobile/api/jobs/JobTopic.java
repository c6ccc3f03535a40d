package com.garage.mobile.api.jobs;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.platform.events.JobEventStream;
import com.garage.mobile.platform.live.LiveEvent;
import com.garage.mobile.platform.live.LiveHistory;
import com.garage.mobile.platform.live.LiveTopic;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Changes to jobs on the live channel: each job is a line ordered by its {@code seq}; who may see
 * an event is {@link JobEventMessage#visibleTo}, fixed when it was written.
 */
@ApplicationScoped
public class JobTopic implements LiveTopic<JobEventMessage> {

    public static final String NAME = "job";

    private final JobEventStream events;
    private final JobEventHistory history;

    public JobTopic(JobEventStream events, JobEventHistory history) {
        this.events = events;
        this.history = history;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Multi<JobEventMessage> arrivals() {
        return events.arrivals();
    }

    @Override
    public LiveEvent<JobEventMessage> describe(JobEventMessage event) {
        List<UUID> people = new ArrayList<>(event.technicianIds().size() + 1);
        if (event.customerId() != null) {
            people.add(event.customerId());
        }
        people.addAll(event.technicianIds());
        return new LiveEvent<>(this, event, event.id(), event.occurredAt(), event.jobId(), event.seq(),
                event.garageId(), people);
    }

    @Override
    public boolean visibleTo(Actor actor, JobEventMessage event) {
        return event.visibleTo(actor);
    }

    @Override
    public Object message(AppAudience audience, JobEventMessage event) {
        return switch (audience) {
            case CUSTOMER -> CustomerJobEvent.of(event);
            case STAFF -> StaffJobEvent.of(event);
        };
    }

    @Override
    public LiveHistory<JobEventMessage> history() {
        return history;
    }
}
