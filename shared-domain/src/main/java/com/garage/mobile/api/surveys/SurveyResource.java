package com.garage.mobile.api.surveys;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.survey.SurveyAnswer;
import com.garage.mobile.domain.survey.SurveyAnswerRequest;
import com.garage.mobile.domain.survey.SurveyAnswers;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** In-app surveys (NPS, CSAT) answered from either app; the app asks when the configuration's {@code surveys} says one is due. */
@Path("/api/v1/surveys/answers")
@Tag(name = "Analytics", description = "Product analytics events, feedback and experiments")
public class SurveyResource {

    private final CurrentActor actor;
    private final SurveyAnswers answers;

    public SurveyResource(CurrentActor actor, SurveyAnswers answers) {
        this.actor = actor;
        this.answers = answers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.APP_USE)
    @Operation(operationId = "answerSurvey", summary = "Answer a survey",
            description = "An NPS (0–10) or CSAT (1–5) answer with an optional comment, after a closed job (`jobId`,"
                    + " the caller's own) or a journey's end. At most one NPS in 90 days and one survey a week per"
                    + " person: otherwise 409 `survey-not-due` and nothing is stored.")
    @APIResponseSchema(value = SurveyAnswer.class, responseCode = "201")
    public Uni<Response> answer(@Valid @NotNull SurveyAnswerRequest request) {
        return answers.answer(actor.get(), request).map(answer -> Response
                .created(URI.create("/api/v1/surveys/answers/" + answer.id())).entity(answer).build());
    }
}
