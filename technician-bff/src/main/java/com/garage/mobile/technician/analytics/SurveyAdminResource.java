package com.garage.mobile.technician.analytics;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.problem.EnumField;
import com.garage.mobile.domain.survey.SurveyAnswer;
import com.garage.mobile.domain.survey.SurveyKind;
import com.garage.mobile.domain.survey.SurveySearch;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The garage's survey answers for its admins, searchable by the words of their comments. */
@Path("/api/v1/admin/surveys/answers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics admin", description = "Event schemas, funnels, surveys and experiments, for the garage's admins")
public class SurveyAdminResource {

    private final CurrentActor actor;
    private final SurveySearch search;

    public SurveyAdminResource(CurrentActor actor, SurveySearch search) {
        this.actor = actor;
        this.search = search;
    }

    @GET
    @PermissionsAllowed(Capability.ANALYTICS_MANAGE)
    @Operation(operationId = "searchSurveyAnswers", summary = "Search survey answers",
            description = "The garage's latest 100 NPS and CSAT answers, newest first, each with its comment and the job"
                    + " it concerns: all, one `kind`, or those whose comment holds the words in `q`.")
    public Uni<List<SurveyAnswer>> answers(@QueryParam("kind") String kind, @QueryParam("q") @Size(max = 200) String words) {
        return search.search(actor.get().garageId(), EnumField.parse(SurveyKind.class, kind, "kind"),
                words == null || words.isBlank() ? null : words);
    }
}
