package com.garage.mobile.platform.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads one mutation's payload into its operation's record, as strictly as a request body, and
 * validates it; a bad payload is refused naming each bad field as {@code payload.<field>}.
 */
@ApplicationScoped
public class PayloadReader {

    private final ObjectMapper json;
    private final Validator validator;

    public PayloadReader(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <P> P read(JsonNode payload, Class<P> type) {
        JsonNode node = payload == null || payload.isNull() ? json.createObjectNode() : payload;
        if (!node.isObject()) {
            throw ProblemException.invalidField("payload", "must be an object");
        }
        P value;
        try {
            value = json.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw ProblemException.invalidField(pathOf(e), messageOf(e));
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField("payload", "could not be read");
        }
        List<Problem.FieldError> errors = validator.validate(value).stream()
                .map(PayloadReader::errorOf)
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "The mutation's payload is not valid.")
                    .withErrors(errors));
        }
        return value;
    }

    private static Problem.FieldError errorOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return new Problem.FieldError(path.isEmpty() ? "payload" : "payload." + path, violation.getMessage());
    }

    private static String pathOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "payload" : "payload." + path;
    }

    private static String messageOf(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this operation";
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            if (target == String.class) {
                return "must not contain the NUL character";
            }
            return "'" + invalid.getValue() + "' is not valid here";
        }
        return "has the wrong type";
    }
}
