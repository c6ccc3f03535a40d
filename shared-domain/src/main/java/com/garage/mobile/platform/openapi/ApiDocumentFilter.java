package com.garage.mobile.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes each BFF's OpenAPI document for the app teams' client generators: the bearer scheme,
 * required by every operation, and on every operation the RFC 9457 problems it may answer, as
 * shared responses with the problem schema. Resources only declare their {@code @Tag} and
 * {@code @Operation}. Runs at build time, so the document stored in {@code target/openapi} (which
 * {@code scripts/lint-openapi.sh} lints) is the one served at {@code /q/openapi}.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    static final String BEARER = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getComponents() == null) {
            document.components(OASFactory.createComponents());
        }
        Components components = document.getComponents();
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT").description("An access token from the garage's OIDC"
                        + " provider, for this BFF's audience, with a role and a `garage` claim."));
        document.security(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
        ProblemSchemas.addTo(components);
        OperationProblems problems = new OperationProblems(components);
        if (document.getPaths() != null && document.getPaths().getPathItems() != null) {
            document.getPaths().getPathItems().values().forEach(path -> path.getOperations().values()
                    .forEach(operation -> document(operation, problems.of(operation), components)));
        }
    }

    /** Adds each problem as a reference to its shared response, unless the operation describes it itself. */
    private static void document(Operation operation, Iterable<DocumentedProblem> problems, Components components) {
        if (operation.getResponses() == null) {
            operation.responses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        for (DocumentedProblem problem : problems) {
            APIResponse declared = responses.getAPIResponse(problem.status());
            if (declared == null || declared.getContent() == null && declared.getRef() == null) {
                components.addResponse(problem.component(), problem.response());
                responses.addAPIResponse(problem.status(), OASFactory.createAPIResponse().ref(problem.component()));
            }
        }
    }
}
