package com.garage.mobile.platform.openapi;

import com.garage.mobile.domain.idempotency.IdempotencyKeys;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Which problems an operation may answer, read from what it takes: every operation may be refused
 * for its token, its caller's rights or rate budget; parameters and bodies can be invalid, a path
 * can name a record the caller may not see, a version can be stale or missing, an idempotency key
 * reused. So a resource needs nothing but its own annotations for its problems to be documented.
 */
final class OperationProblems {

    private static final Set<DocumentedProblem> ALWAYS = EnumSet.of(DocumentedProblem.UNAUTHENTICATED,
            DocumentedProblem.FORBIDDEN, DocumentedProblem.RATE_LIMITED, DocumentedProblem.UNEXPECTED);

    private final Map<String, Schema> schemas;

    OperationProblems(Components components) {
        this.schemas = components.getSchemas() == null ? Map.of() : components.getSchemas();
    }

    Set<DocumentedProblem> of(Operation operation) {
        Set<DocumentedProblem> problems = EnumSet.copyOf(ALWAYS);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        Optional<Schema> body = body(operation);
        if (!parameters.isEmpty() || body.isPresent()) {
            problems.add(DocumentedProblem.BAD_REQUEST);
        }
        if (parameters.stream().anyMatch(parameter -> parameter.getIn() == Parameter.In.PATH)) {
            problems.add(DocumentedProblem.NOT_FOUND);
        }
        if (body.isPresent()) {
            problems.add(DocumentedProblem.PAYLOAD_TOO_LARGE);
            problems.add(DocumentedProblem.UNSUPPORTED_MEDIA_TYPE);
        }
        if (header(parameters, HttpHeaders.IF_MATCH) || body.map(this::holdsBaseVersion).orElse(false)) {
            problems.add(DocumentedProblem.CONFLICT);
            problems.add(DocumentedProblem.VERSION_REQUIRED);
        }
        if (header(parameters, IdempotencyKeys.HEADER)) {
            problems.add(DocumentedProblem.IDEMPOTENCY_KEY_REUSED);
        }
        return problems;
    }

    private static boolean header(List<Parameter> parameters, String name) {
        return parameters.stream().anyMatch(parameter -> parameter.getIn() == Parameter.In.HEADER
                && name.equalsIgnoreCase(parameter.getName()));
    }

    private static Optional<Schema> body(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return Optional.empty();
        }
        return operation.getRequestBody().getContent().getMediaTypes().values().stream()
                .map(mediaType -> mediaType.getSchema()).filter(schema -> schema != null).findFirst();
    }

    /** Whether the body says which version the change is based on, as {@code baseVersion}. */
    private boolean holdsBaseVersion(Schema body) {
        Schema resolved = body.getRef() == null ? body
                : schemas.get(body.getRef().substring(body.getRef().lastIndexOf('/') + 1));
        return resolved != null && resolved.getProperties() != null
                && resolved.getProperties().containsKey("baseVersion");
    }
}
