package com.garage.mobile.domain.problem;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum constant named by a request field (a query parameter, say), or a 400 naming the field
 * and the names it accepts: a parameter declared as the enum itself would answer 404 on a typo.
 */
public final class EnumField {

    private EnumField() {
    }

    /** The constant {@code text} names; null for no text. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
