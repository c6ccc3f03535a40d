package com.garage.mobile.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

/** The document the apps generate clients from: every operation secured and its problems documented. */
class ApiDocumentFilterTest {

    @Test
    void aReadWithoutParametersMayBeRefusedForItsTokenRightsOrBudgetOnly() {
        Operation me = OASFactory.createOperation().operationId("getMe");
        OpenAPI document = document("/api/v1/me", OASFactory.createPathItem().GET(me));

        new ApiDocumentFilter().filterOpenAPI(document);

        assertEquals(Map.of("401", "Unauthenticated", "403", "Forbidden", "429", "RateLimited",
                "default", "UnexpectedProblem"), problems(me));
    }

    @Test
    void aVersionedIdempotentChangeOfARecordDocumentsEveryProblemItMayMeet() {
        Operation change = OASFactory.createOperation().operationId("changeThing")
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
                .addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER))
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent().addMediaType(
                        "application/json", OASFactory.createMediaType().schema(OASFactory.createSchema()
                                .ref("ThingChange")))));
        OpenAPI document = document("/api/v1/things/{id}", OASFactory.createPathItem().POST(change));
        document.getComponents().addSchema("ThingChange", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("baseVersion", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));

        new ApiDocumentFilter().filterOpenAPI(document);

        assertEquals(Map.ofEntries(Map.entry("400", "BadRequest"), Map.entry("401", "Unauthenticated"),
                Map.entry("403", "Forbidden"), Map.entry("404", "NotFound"), Map.entry("409", "Conflict"),
                Map.entry("413", "PayloadTooLarge"), Map.entry("415", "UnsupportedMediaType"),
                Map.entry("422", "IdempotencyKeyReused"), Map.entry("428", "VersionRequired"),
                Map.entry("429", "RateLimited"), Map.entry("default", "UnexpectedProblem")), problems(change));
        APIResponse conflict = document.getComponents().getResponses().get("Conflict");
        assertEquals("#/components/schemas/Problem",
                conflict.getContent().getMediaType("application/problem+json").getSchema().getRef());
        assertNotNull(document.getComponents().getResponses().get("RateLimited").getHeaders().get("Retry-After"));
    }

    @Test
    void everyOperationNeedsABearerJwt() {
        OpenAPI document = document("/api/v1/me", OASFactory.createPathItem().GET(OASFactory.createOperation()));

        new ApiDocumentFilter().filterOpenAPI(document);

        SecurityScheme bearer = document.getComponents().getSecuritySchemes().get("bearer");
        assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
        assertEquals("bearer", bearer.getScheme());
        assertEquals("JWT", bearer.getBearerFormat());
        assertEquals(1, document.getSecurity().size());
        assertNotNull(document.getSecurity().get(0).getScheme("bearer"));
    }

    @Test
    void aProblemTheResourceDocumentsItselfIsKept() {
        APIResponse own = OASFactory.createAPIResponse().description("Someone else holds the lock")
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType()));
        Operation lock = OASFactory.createOperation().operationId("lockThing")
                .responses(OASFactory.createAPIResponses().addAPIResponse("403", own));
        OpenAPI document = document("/api/v1/locks", OASFactory.createPathItem().POST(lock));

        new ApiDocumentFilter().filterOpenAPI(document);

        assertEquals(own, lock.getResponses().getAPIResponse("403"));
    }

    private static OpenAPI document(String path, PathItem item) {
        return OASFactory.createOpenAPI().components(OASFactory.createComponents())
                .paths(OASFactory.createPaths().addPathItem(path, item));
    }

    /** Status to the shared response it refers to. */
    private static Map<String, String> problems(Operation operation) {
        Map<String, String> problems = new TreeMap<>();
        operation.getResponses().getAPIResponses().forEach((status, response) -> problems.put(status,
                response.getRef().substring(response.getRef().lastIndexOf('/') + 1)));
        return problems;
    }
}
