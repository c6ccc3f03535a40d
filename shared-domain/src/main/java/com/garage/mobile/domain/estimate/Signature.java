package com.garage.mobile.domain.estimate;

import java.util.List;

/**
 * How the customer signed: a typed name, or strokes drawn on the screen (each stroke a list of
 * {@code [x, y]} points on a 0..1000 square), in which case their name is printed beside it.
 */
public record Signature(String typedName, List<List<List<Integer>>> strokes) {

    public Signature {
        strokes = strokes == null ? List.of() : strokes;
    }

    public boolean drawn() {
        return !strokes.isEmpty();
    }
}
