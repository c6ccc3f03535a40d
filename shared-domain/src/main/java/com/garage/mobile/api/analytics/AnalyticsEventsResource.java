package com.garage.mobile.api.analytics;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.analytics.EventIngest;
import com.garage.mobile.domain.analytics.IngestReport;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.identity.CurrentAppBuild;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The apps' analytics events, in batches, in both apps. */
@Path("/api/v1/analytics/events")
@Tag(name = "Analytics", description = "Product analytics events, feedback and experiments")
public class AnalyticsEventsResource {

    private final CurrentActor actor;
    private final CurrentAppBuild build;
    private final DeviceEventBudget budget;
    private final EventIngest ingest;

    public AnalyticsEventsResource(CurrentActor actor, CurrentAppBuild build, DeviceEventBudget budget,
            EventIngest ingest) {
        this.actor = actor;
        this.build = build;
        this.budget = budget;
        this.ingest = ingest;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.APP_USE)
    @Operation(operationId = "sendAnalyticsEvents", summary = "Send a batch of analytics events",
            description = "Up to 50 events (1 MB) the app queued, each with its own UUID, a registered name,"
                    + " its client time and offline flag and the properties its schema declares. The server adds"
                    + " its time, the build (`X-App-Platform`, `X-App-Version`), the garage and a pseudonymous user"
                    + " key. Each event is answered on its own: `ACCEPTED`, `DUPLICATE` (an id already stored, so a"
                    + " resent batch counts once) or `REJECTED` with the field and why; the others are kept."
                    + " Each device has a budget of batches per minute.")
    public Uni<IngestReport> send(@Valid @NotNull EventBatch batch) {
        Actor person = actor.get();
        var current = build.get();
        List<Map<String, Object>> events = batch.events().stream().map(AnalyticsEventsResource::asObject).toList();
        return budget.spend(person).chain(() -> ingest.ingest(person, current, events));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object event) {
        return event instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }
}
