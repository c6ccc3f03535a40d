package com.garage.mobile.technician.staff;

import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.staff.StaffRepository;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The garage's active staff, for those who put people on jobs and conversations (advisors, admins). */
@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff", description = "Who works at the garage")
public class StaffResource {

    private final CurrentActor actor;
    private final StaffRepository staff;

    public StaffResource(CurrentActor actor, StaffRepository staff) {
        this.actor = actor;
        this.staff = staff;
    }

    @GET
    @PermissionsAllowed(Capability.JOB_ASSIGN)
    @WithSession
    @Operation(operationId = "listStaff", summary = "List the garage's staff",
            description = "The active technicians, advisors and admins of the caller's garage by name, or those of one"
                    + " `role`: whom a job or a conversation can be given to. Advisors and admins.")
    public Uni<StaffList> list(@QueryParam("role") @Pattern(regexp = "TECHNICIAN|ADVISOR|ADMIN",
            message = "must be one of TECHNICIAN, ADVISOR, ADMIN") String role) {
        return staff.active(actor.get().garageId(), role == null ? null : ActorRole.valueOf(role))
                .map(members -> new StaffList(members.stream()
                        .map(member -> new StaffMember(member.id, member.displayName, member.role.name())).toList()));
    }

    public record StaffList(List<StaffMember> items) {
    }

    public record StaffMember(UUID id, String name, String role) {
    }
}
