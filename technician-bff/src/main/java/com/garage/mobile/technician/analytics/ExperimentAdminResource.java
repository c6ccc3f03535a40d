package com.garage.mobile.technician.analytics;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.analytics.EventSchemas;
import com.garage.mobile.domain.experiment.Experiment;
import com.garage.mobile.domain.experiment.ExperimentChanges;
import com.garage.mobile.domain.experiment.ExperimentDraft;
import com.garage.mobile.domain.experiment.ExperimentReport;
import com.garage.mobile.domain.experiment.ExperimentResults;
import com.garage.mobile.domain.experiment.Experiments;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.web.BaseVersion;
import com.garage.mobile.platform.web.VersionedResponses;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The garage's experiments and feature flags, for its admins: start, ramp, stop, results. */
@Path(ExperimentAdminResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics admin", description = "Event schemas, funnels, surveys and experiments, for the garage's admins")
public class ExperimentAdminResource {

    static final String PATH = "/api/v1/admin/experiments";

    private final CurrentActor actor;
    private final Experiments experiments;
    private final ExperimentChanges changes;
    private final ExperimentResults results;
    private final EventSchemas schemas;

    public ExperimentAdminResource(CurrentActor actor, Experiments experiments, ExperimentChanges changes,
            ExperimentResults results, EventSchemas schemas) {
        this.actor = actor;
        this.experiments = experiments;
        this.changes = changes;
        this.results = results;
        this.schemas = schemas;
    }

    @GET
    @PermissionsAllowed(Capability.ANALYTICS_MANAGE)
    @Operation(operationId = "listExperiments", summary = "List the garage's experiments and flags",
            description = "Every experiment and flag of the caller's garage with its exposure, status and, if one was"
                    + " raised, the time of its sample ratio mismatch alarm (`srmAlarmAt`).")
    public Uni<List<ExperimentView>> list() {
        return experiments.all(actor.get().garageId()).map(all -> all.stream().map(ExperimentView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.ANALYTICS_MANAGE)
    @Operation(operationId = "startExperiment", summary = "Start an experiment or a flag",
            description = "Starts it at once: its key (unique in the garage), kind (`EXPERIMENT` or `FLAG`, whose"
                    + " variants are `on` and `off`), unit (`USER`, `DEVICE`, `GARAGE`), variants with weights adding up"
                    + " to 100, targeting, the exposed share in percent and the goal event whose reach is its"
                    + " conversion. Variants and weights are fixed from then on.")
    @APIResponseSchema(value = ExperimentView.class, responseCode = "201")
    public Uni<Response> start(@Valid @NotNull ExperimentDraft draft) {
        Actor admin = actor.get();
        return schemas.active().chain(registered -> changes.start(admin, draft, registered.keySet()))
                .map(started -> Response.created(URI.create(PATH + "/" + started.id()))
                        .entity(ExperimentView.of(started)).header(HttpHeaders.ETAG, BaseVersion.etag(started.version()))
                        .build());
    }

    @POST
    @Path("/{id}/ramp")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.ANALYTICS_MANAGE)
    @Operation(operationId = "rampExperiment", summary = "Change an experiment's exposure",
            description = "Sets the exposed share of a running experiment or flag. Raising it adds units and moves no"
                    + " unit already assigned. Based on `If-Match` or `baseVersion`; a stale one gets 409 with the current.")
    @APIResponseSchema(ExperimentView.class)
    public Uni<Response> ramp(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RampRequest request) {
        Actor admin = actor.get();
        long base = BaseVersion.resolve(ifMatch, request.baseVersion());
        return answer(admin, id, changes.ramp(admin, id, request.exposurePercent(), base));
    }

    @POST
    @Path("/{id}/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.ANALYTICS_MANAGE)
    @Operation(operationId = "stopExperiment", summary = "Stop an experiment, shipping a variant",
            description = "Stops it and ships the named variant to everyone from the next app configuration. Based on"
                    + " `If-Match` or `baseVersion`.")
    @APIResponseSchema(ExperimentView.class)
    public Uni<Response> stop(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull StopRequest request) {
        Actor admin = actor.get();
        long base = BaseVersion.resolve(ifMatch, request.baseVersion());
        return answer(admin, id, changes.stop(admin, id, request.variant(), base));
    }

    @GET
    @Path("/{id}/results")
    @PermissionsAllowed(Capability.ANALYTICS_MANAGE)
    @Operation(operationId = "getExperimentResults", summary = "An experiment's results",
            description = "Per variant: units exposed, those that reached the goal event after exposure, conversion"
                    + " with its 95 % interval and the interval of its difference from the first variant; and the"
                    + " sample ratio check (chi-squared p-value, alarm below 0.001), which flags the experiment.")
    public Uni<ExperimentReport> results(@PathParam("id") UUID id) {
        return results.report(actor.get().garageId(), id);
    }

    private Uni<Response> answer(Actor admin, UUID id, Uni<Experiment> change) {
        Function<Experiment, Response> ok = changed -> VersionedResponses.ok(ExperimentView.of(changed), changed.version());
        return change.map(ok).onFailure(StaleVersionException.class).recoverWithUni(stale -> experiments
                .find(admin.garageId(), id)
                .map(current -> current.orElseThrow(() -> ProblemException.notFound("Experiment")))
                .map(current -> VersionedResponses.conflict(stale, ExperimentView.of(current),
                        current.version())));
    }
}
