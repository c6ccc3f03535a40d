package com.garage.mobile.domain.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnumFieldTest {

    @Test
    void aNameIsItsConstantAndNoTextIsNone() {
        assertEquals(DayOfWeek.FRIDAY, EnumField.parse(DayOfWeek.class, "FRIDAY", "day"));
        assertNull(EnumField.parse(DayOfWeek.class, null, "day"));
    }

    @Test
    void anythingElseIsABadRequestNamingTheFieldAndWhatItAccepts() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> EnumField.parse(DayOfWeek.class, "friday", "day"));
        assertEquals(400, refused.problem().status());
        assertEquals(List.of(new Problem.FieldError("day",
                        "must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY")),
                refused.problem().errors());
    }
}
