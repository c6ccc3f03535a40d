package com.garage.mobile.platform.cache;

import com.garage.mobile.platform.events.JobEventStream;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/** Evicts, on this pod, what each job event committed by any pod of either BFF made stale. */
@ApplicationScoped
public class JobEventEvictions {

    private final JobEventStream events;
    private final CacheEvictions evictions;

    public JobEventEvictions(JobEventStream events, CacheEvictions evictions) {
        this.events = events;
        this.evictions = evictions;
    }

    void start(@Observes StartupEvent startup) {
        events.arrivals().subscribe().with(event -> evictions.committed(List.of(event)).subscribe().with(done -> {
        }));
    }
}
