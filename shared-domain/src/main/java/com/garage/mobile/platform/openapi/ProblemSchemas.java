package com.garage.mobile.platform.openapi;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** The RFC 9457 problem document ({@code domain.problem.Problem}) as an OpenAPI schema. */
final class ProblemSchemas {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";

    private ProblemSchemas() {
    }

    static void addTo(Components components) {
        components.addSchema(PROBLEM, problem());
        components.addSchema(FIELD_ERROR, fieldError());
    }

    private static Schema problem() {
        return object("An RFC 9457 problem document, sent as `application/problem+json`.")
                .addProperty("type", text("The stable problem type, such as `urn:garage:problem:validation`: what"
                        + " clients switch on.").format("uri"))
                .addProperty("title", text("A short summary of the problem type."))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599))
                        .description("The HTTP status code."))
                .addProperty("detail", text("What went wrong with this request, for people."))
                .addProperty("instance", text("The request path.").format("uri-reference"))
                .addProperty("requestId", text("The request id, to quote when reporting the problem."))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("For a validation problem: one entry per bad field.")
                        .items(OASFactory.createSchema().ref(FIELD_ERROR)))
                .addProperty("current", OASFactory.createSchema().description("For a conflict: the record as it is"
                        + " now, shaped as the operation's answer."))
                .addRequired("type").addRequired("title").addRequired("status");
    }

    private static Schema fieldError() {
        return object("One bad field of a request.")
                .addProperty("field", text("Its path in the request, such as `status`, `query.limit` or"
                        + " `mutations[0].baseVersion`."))
                .addProperty("message", text("What is wrong with it."))
                .addRequired("field").addRequired("message");
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).description(description);
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
