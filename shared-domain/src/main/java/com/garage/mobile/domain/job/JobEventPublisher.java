package com.garage.mobile.domain.job;

import com.garage.mobile.domain.event.JobEventMessage;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Hands committed job events to every pod: they refresh caches and live sessions there. Never
 * fails; an event it cannot hand over now is left in the outbox for the relay.
 */
public interface JobEventPublisher {

    Uni<Void> publish(List<JobEventMessage> events);
}
