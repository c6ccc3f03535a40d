package com.garage.mobile.technician.sync.mutations;

import com.garage.mobile.domain.job.JobNoteService;
import com.garage.mobile.domain.job.NoteVisibility;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** {@code job-note add}: the note's job, who may read it, and its text, stored as written. */
public record NotePayload(
        @NotNull UUID jobId,
        @NotNull NoteVisibility visibility,
        @NotNull @Size(min = 1, max = JobNoteService.MAX_BODY)
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String body) {
}
