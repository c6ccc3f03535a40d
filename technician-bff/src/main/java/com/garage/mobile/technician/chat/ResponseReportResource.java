package com.garage.mobile.technician.chat;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.chat.escalation.ResponseReport;
import com.garage.mobile.domain.chat.escalation.ResponseReports;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The garage's chat response report for advisors and admins. */
@Path("/api/v1/chat/response-report")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chat", description = "Conversations between customers, advisors and technicians")
public class ResponseReportResource {

    private final CurrentActor actor;
    private final ResponseReports reports;

    public ResponseReportResource(CurrentActor actor, ResponseReports reports) {
        this.actor = actor;
        this.reports = reports;
    }

    @GET
    @PermissionsAllowed(Capability.CHAT_MANAGE)
    @Operation(operationId = "getChatResponseReport", summary = "Report the garage's chat response times",
            description = "Over the days `from`-`to` (both included, at most 366, in the garage's time zone):"
                    + " conversations answered, median and p90 first response, median next response (business"
                    + " seconds) and breaches, in total and per priority.")
    @APIResponseSchema(ResponseReport.class)
    public Uni<ResponseReport> report(
            @Parameter(description = "First day, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "Last day, YYYY-MM-DD") @QueryParam("to") String to) {
        return reports.report(actor.get(), date("from", from), date("to", to));
    }

    private static LocalDate date(String field, String value) {
        if (value == null) {
            throw ProblemException.invalidField(field, "is required, as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date as YYYY-MM-DD");
        }
    }
}
