package com.garage.mobile.platform.openapi;

import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemType;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * A problem answer as the OpenAPI documents describe it: one reusable response under
 * {@code components/responses}, whose description lists the stable problem types it carries.
 */
enum DocumentedProblem {
    BAD_REQUEST("400", "BadRequest", "The request is not valid; a validation problem names each bad field in"
            + " `errors`.", ProblemType.VALIDATION, ProblemType.MALFORMED_BODY, ProblemType.INVALID_CURSOR),
    UNAUTHENTICATED("401", "Unauthenticated", "No valid bearer token, or the action needs a recent strong sign-in"
            + " (RFC 9470: `WWW-Authenticate` says which `acr_values` and `max_age` to sign in with).",
            ProblemType.UNAUTHENTICATED, ProblemType.STEP_UP_REQUIRED),
    FORBIDDEN("403", "Forbidden", "The caller may not do this, or the device attestation a change needs is"
            + " missing or failed.", ProblemType.FORBIDDEN, ProblemType.ATTESTATION_MISSING,
            ProblemType.ATTESTATION_INVALID, ProblemType.ATTESTATION_NOT_FRESH, ProblemType.DEVICE_NOT_TRUSTED,
            ProblemType.OS_UNSUPPORTED, ProblemType.APP_NOT_ALLOWED, ProblemType.APP_UPGRADE_REQUIRED),
    NOT_FOUND("404", "NotFound", "No such record among those the caller may see (another garage's or person's"
            + " records are not found either).", ProblemType.NOT_FOUND),
    CONFLICT("409", "Conflict", "The record changed since the version the change was based on, or the change is"
            + " not allowed in its current state; `current` holds the record as it is now.",
            ProblemType.STALE_VERSION, ProblemType.INVALID_TRANSITION),
    PAYLOAD_TOO_LARGE("413", "PayloadTooLarge", "The request body is larger than the limit.",
            ProblemType.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("415", "UnsupportedMediaType", "The request body is not JSON.",
            ProblemType.UNSUPPORTED_MEDIA_TYPE),
    IDEMPOTENCY_KEY_REUSED("422", "IdempotencyKeyReused", "The `Idempotency-Key` was used for another request.",
            ProblemType.IDEMPOTENCY_KEY_REUSED),
    VERSION_REQUIRED("428", "VersionRequired", "The change does not say which version it is based on (`If-Match`"
            + " or `baseVersion`).", ProblemType.VERSION_REQUIRED),
    RATE_LIMITED("429", "RateLimited", "The caller or the device used up its rate budget; `Retry-After` says"
            + " when to come back.", ProblemType.RATE_LIMITED),
    UNEXPECTED("default", "UnexpectedProblem", "Any other problem, such as a failure on our side or a dependency"
            + " that is down.", ProblemType.INTERNAL, ProblemType.UNAVAILABLE);

    private final String status;
    private final String component;
    private final String what;
    private final List<ProblemType> types;

    DocumentedProblem(String status, String component, String what, ProblemType... types) {
        this.status = status;
        this.component = component;
        this.what = what;
        this.types = List.of(types);
    }

    /** The response code it is documented under, or {@code default}. */
    String status() {
        return status;
    }

    /** Its name under {@code components/responses}. */
    String component() {
        return component;
    }

    /** The reusable response, carrying a problem document. */
    APIResponse response() {
        APIResponse response = OASFactory.createAPIResponse().description(what + " Problem types: "
                + types.stream().map(type -> "`" + type.uri() + "`").collect(Collectors.joining(", ")) + ".")
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(ProblemSchemas.PROBLEM))));
        headers().forEach(response::addHeader);
        return response;
    }

    private Map<String, Header> headers() {
        return switch (this) {
            case UNAUTHENTICATED -> Map.of(HttpHeaders.WWW_AUTHENTICATE, header("The Bearer challenge; for a"
                    + " missing step-up `error=\"insufficient_user_authentication\"` with `acr_values` and `max_age`."));
            case RATE_LIMITED -> Map.of(HttpHeaders.RETRY_AFTER, header("Seconds until the budget has room again."));
            default -> Map.of();
        };
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
