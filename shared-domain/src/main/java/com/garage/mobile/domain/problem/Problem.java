package com.garage.mobile.domain.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * An RFC 9457 problem document.
 *
 * @param errors  for a validation problem, one entry per bad field
 * @param current for a conflict, the current state of the resource, shaped for the caller
 */
// Written by exception mappers as a Response entity, which Quarkus cannot see when it registers DTOs for native.
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        String requestId, List<FieldError> errors, Object current) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad field: its path in the request (for example {@code status} or {@code query.limit}). */
    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, requestId, fieldErrors, current);
    }

    public Problem withCurrent(Object currentState) {
        return new Problem(type, title, status, detail, instance, requestId, errors, currentState);
    }

    public Problem at(String path, String id) {
        return new Problem(type, title, status, detail, path, id, errors, current);
    }
}
