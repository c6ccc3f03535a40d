package com.garage.mobile.technician.hours;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.hours.BusinessCalendars;
import com.garage.mobile.domain.hours.BusinessHoursDraft;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.platform.audit.AuditedAs;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The garage's business hours: the calendar chat response targets are measured on. */
@Path("/api/v1/business-hours")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chat", description = "Conversations between customers, advisors and technicians")
public class BusinessHoursResource {

    private final CurrentActor actor;
    private final BusinessCalendars calendars;

    public BusinessHoursResource(CurrentActor actor, BusinessCalendars calendars) {
        this.actor = actor;
        this.calendars = calendars;
    }

    @GET
    @PermissionsAllowed(Capability.CHAT_MANAGE)
    @Operation(operationId = "getBusinessHours", summary = "Get the garage's business hours",
            description = "Its time zone, opening intervals per weekday and holidays, with the hours' version as the"
                    + " `ETag`. A garage that never set them has the standard hours (Monday-Friday 08:00-18:00,"
                    + " Saturday 09:00-13:00) in its own time zone, version 0.")
    @APIResponseSchema(BusinessHoursView.class)
    public Uni<Response> get() {
        return view(actor.get()).map(view -> VersionedResponses.ok(view, view.version()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.CHAT_MANAGE)
    @AuditedAs(action = BusinessCalendars.ACTION, resource = "garage")
    @Operation(operationId = "changeBusinessHours", summary = "Change the garage's business hours",
            description = "Sets the time zone, the intervals per weekday (`HH:mm`, opening before closing, not"
                    + " overlapping, at least one in the week) and the holidays, based on the version in `If-Match` or"
                    + " `baseVersion`. They hold from now on; time already measured keeps the hours it was measured"
                    + " by. Each bad field is 400 naming it; a stale version gets 409 with the hours as they are now.")
    @APIResponseSchema(BusinessHoursView.class)
    public Uni<Response> change(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull BusinessHoursRequest request) {
        Actor staff = actor.get();
        long baseVersion = BaseVersion.resolve(ifMatch, request.baseVersion());
        return Uni.createFrom().item(() -> BusinessHoursDraft.parse(request.timeZone(), request.week(),
                        request.holidays()))
                .chain(hours -> calendars.change(staff, hours, baseVersion))
                .map(BusinessHoursView::of)
                .map(view -> VersionedResponses.ok(view, view.version()))
                .onFailure(StaleVersionException.class).recoverWithUni(stale -> view(staff)
                        .map(current -> VersionedResponses.conflict(stale, current, current.version())));
    }

    private Uni<BusinessHoursView> view(Actor staff) {
        return calendars.current(staff).map(BusinessHoursView::of);
    }
}
