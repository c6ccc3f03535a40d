package com.garage.mobile.domain.recommendation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a job tells the model before any work: {@code code:P0301} for each trouble code,
 * {@code word:squeal} for each word of four letters or more in the concern (minus common ones), and
 * {@code season:autumn} for the month it came in (tyre changes follow the seasons).
 */
public final class JobSignals {

    private static final Set<String> COMMON = Set.of("when", "with", "from", "that", "this", "have", "there",
            "after", "before", "since", "about", "very", "some", "also", "been", "please", "check", "car", "front",
            "rear", "left", "right", "makes", "making", "sometimes", "into", "just", "while", "again");

    private JobSignals() {
    }

    public static Set<String> of(String concern, Collection<String> codes, LocalDate on) {
        Set<String> signals = new LinkedHashSet<>();
        codes.forEach(code -> signals.add("code:" + code.toUpperCase(Locale.ROOT)));
        if (concern != null) {
            for (String word : concern.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (word.length() >= 4 && !COMMON.contains(word)) {
                    signals.add("word:" + word);
                }
            }
        }
        if (on != null) {
            signals.add("season:" + season(on));
        }
        return signals;
    }

    /** Meteorological seasons of the northern hemisphere, where the garages are. */
    static String season(LocalDate on) {
        return switch (on.getMonthValue()) {
            case 12, 1, 2 -> "winter";
            case 3, 4, 5 -> "spring";
            case 6, 7, 8 -> "summer";
            default -> "autumn";
        };
    }

    /** The form a step title or line description takes as a work item: lower case, single spaces. */
    public static String work(String title) {
        String text = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]+", " ").replaceAll("\\s+", " ").strip();
        return text.length() > 80 ? text.substring(0, 80).strip() : text;
    }

    /** A signal in words, for a reason shown to a person. */
    public static String describe(String signal) {
        int colon = signal.indexOf(':');
        String value = signal.substring(colon + 1);
        return switch (signal.substring(0, colon)) {
            case "code" -> "code " + value;
            case "word" -> "\"" + value + "\" in the concern";
            default -> "the " + value + " season";
        };
    }
}
