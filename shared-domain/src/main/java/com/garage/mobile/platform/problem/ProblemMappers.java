package com.garage.mobile.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.platform.identity.ActorAugmentor;
import com.garage.mobile.platform.web.CountedBody;
import com.garage.mobile.platform.web.RequestInfo;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into an RFC 9457 problem; no stack trace or internal message leaves. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']{1,100})'");

    private final RequestInfo request;
    private final SecurityIdentity identity;

    public ProblemMappers(RequestInfo request, SecurityIdentity identity) {
        this.request = request;
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response domain(ProblemException e) {
        Response.ResponseBuilder response = problemResponse(e.problem());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response violations(ResteasyReactiveViolationException e) {
        return constraintViolations(e);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(Problem.of(ProblemType.VALIDATION, "%d field(s) are invalid.".formatted(errors.size()))
                .withErrors(errors));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String message = e.getOriginalMessage();
        if (message != null && (message.contains("end-of-input") || message.startsWith("Trailing token"))) {
            return unreadable(e);
        }
        return respond(Problem.of(ProblemType.VALIDATION, "A field has the wrong type or is unknown.")
                .withErrors(List.of(new Problem.FieldError(pathOf(e), messageOf(e)))));
    }

    @ServerExceptionMapper
    public Response tooLarge(CountedBody.BodyTooLarge e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.lookingAt()) {
            return respond(Problem.of(ProblemType.VALIDATION, "A field is given more than once.")
                    .withErrors(List.of(new Problem.FieldError(duplicate.group(1), "is given more than once"))));
        }
        return respond(Problem.of(ProblemType.MALFORMED_BODY, "The body is not valid JSON."));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return problemResponse(Problem.of(ProblemType.UNAUTHENTICATED,
                "Send a valid, unexpired bearer token from the garage's sign-in."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String refusal = identity.getAttribute(ActorAugmentor.REFUSAL_ATTRIBUTE);
        return respond(Problem.of(ProblemType.FORBIDDEN,
                refusal != null ? refusal : "Your role does not allow this in this app."));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentWrite(RuntimeException e) {
        return respond(Problem.of(ProblemType.STALE_VERSION,
                "Someone else changed this at the same moment. Reload and try again."));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (status == 400) {
            return unreadableBody(e.getCause());
        }
        ProblemType type = ProblemType.forStatus(status);
        return problemResponse(new Problem(type.uri(), type.title(), status, type.title() + ".", null, null,
                null, null)).build();
    }

    /** The framework gave up reading the body: say why if Jackson told it. */
    private Response unreadableBody(Throwable cause) {
        if (cause instanceof MismatchedInputException mismatch) {
            return mismatchedInput(mismatch);
        }
        if (cause instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        return respond(Problem.of(ProblemType.MALFORMED_BODY, "The body is not valid JSON for this request."));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        LOG.errorf(LoggedFailure.of(e), "Unhandled failure for request %s", request.requestId());
        return respond(Problem.of(ProblemType.INTERNAL,
                "The request failed on our side; quote request id " + request.requestId() + "."));
    }

    private Response respond(Problem problem) {
        return problemResponse(problem).build();
    }

    private Response.ResponseBuilder problemResponse(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.at(request.path(), request.requestId()));
    }

    /** The field as the client named it: query and path parameters by name, body fields by path. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            if (node.getKind() == ElementKind.METHOD
                    || (node.getKind() == ElementKind.PARAMETER && !last)) {
                continue;
            }
            // A node's index says where in the list before it the node sits: mutations[0].clientMutationId.
            if (node.getIndex() != null && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                names.add(node.getName());
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String pathOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static String messageOf(MismatchedInputException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (e instanceof InvalidFormatException invalid) {
            if (target == String.class) {
                return invalid.getValue() instanceof String ? "must not contain the NUL character" : "must be text";
            }
            return "'" + invalid.getValue() + "' is not a valid " + simpleName(target);
        }
        return target != null ? "must be a " + simpleName(target) : "has the wrong type";
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Instant", "OffsetDateTime" -> "ISO-8601 instant";
            case "UUID" -> "UUID";
            case "Boolean", "boolean" -> "boolean";
            default -> type.getSimpleName();
        };
    }
}
