package com.garage.mobile.domain.clock;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads time entries for the screens: a page of jobs' entries at once, the garage's running clocks. */
@ApplicationScoped
public class JobTimes {

    /** The entries of these jobs, by job, oldest first; runs in the caller's reactive session. */
    public Uni<Map<UUID, List<TimeEntry>>> ofJobs(List<UUID> jobIds) {
        if (jobIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return TimeEntry.<TimeEntry>list("array_has(:jobs, jobId) order by startedAt, id",
                        Map.of("jobs", jobIds.toArray(UUID[]::new)))
                .map(entries -> entries.stream().collect(Collectors.groupingBy(entry -> entry.jobId)));
    }

    /** The clocks running now in the garage, oldest first. */
    public Uni<List<TimeEntry>> running(UUID garageId) {
        return TimeEntry.list("garageId = ?1 and endedAt is null order by startedAt, id", garageId);
    }
}
