package com.garage.mobile.technician.sync.mutations;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.job.JobNoteService;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.platform.offline.MutationHandler;
import com.garage.mobile.technician.jobs.JobCardView.NoteView;
import com.garage.mobile.technician.jobs.JobCardView.Person;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** {@code job-note add}: a note written in the bay, under the id the app gave it. */
@ApplicationScoped
public class NoteMutation implements MutationHandler<NotePayload> {

    private final JobNoteService notes;

    public NoteMutation(JobNoteService notes) {
        this.notes = notes;
    }

    @Override
    public String entityName() {
        return "job-note";
    }

    @Override
    public String operationName() {
        return "add";
    }

    @Override
    public String action() {
        return JobNoteService.ACTION;
    }

    @Override
    public String resourceType() {
        return "job";
    }

    @Override
    public Class<NotePayload> payloadType() {
        return NotePayload.class;
    }

    @Override
    public boolean needsBaseVersion() {
        return false;
    }

    @Override
    public Uni<Applied> apply(Actor actor, UUID noteId, Long baseVersion, NotePayload payload) {
        return notes.add(actor, noteId, payload.jobId(), payload.visibility(), payload.body())
                .map(changed -> {
                    var note = changed.row();
                    return Applied.of(new NoteView(note.id, note.visibility, note.body,
                            new Person(actor.personId(), actor.displayName()), note.createdAt), note.version, changed);
                });
    }

    /** A create has no older version to conflict with. */
    @Override
    public Uni<Applied> current(Actor actor, UUID noteId) {
        return Uni.createFrom().failure(ProblemException.notFound("Note"));
    }
}
