package com.garage.mobile.domain.recommendation;

import com.garage.mobile.domain.telemetry.TroubleCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first checks a generic trouble code calls for, from the SAE meaning of the code, so that a
 * technician gets reasoned suggestions before the garage's own history has taught the model
 * anything. Keyed by code prefix; the longest matching prefix wins.
 */
public final class TroubleCodeChecks {

    private record Entry(String meaning, List<String> checks) {
    }

    private static final Map<String, Entry> BY_PREFIX = Map.ofEntries(
            Map.entry("P030", new Entry("engine misfire", List.of("Check spark plugs", "Check ignition coils",
                    "Compression test"))),
            Map.entry("P0300", new Entry("random or multiple misfire", List.of("Check spark plugs",
                    "Check for vacuum leaks", "Check fuel pressure"))),
            Map.entry("P0171", new Entry("system too lean (bank 1)", List.of("Check for vacuum leaks",
                    "Clean mass air flow sensor", "Check fuel pressure"))),
            Map.entry("P0174", new Entry("system too lean (bank 2)", List.of("Check for vacuum leaks",
                    "Clean mass air flow sensor", "Check fuel pressure"))),
            Map.entry("P0420", new Entry("catalyst efficiency below threshold (bank 1)", List.of(
                    "Check downstream oxygen sensor", "Check exhaust for leaks", "Check catalytic converter"))),
            Map.entry("P0128", new Entry("coolant below thermostat regulating temperature", List.of(
                    "Check thermostat", "Check coolant temperature sensor"))),
            Map.entry("P0442", new Entry("small evaporative system leak", List.of("Check fuel cap seal",
                    "Smoke test evaporative system"))),
            Map.entry("C0035", new Entry("left front wheel speed sensor circuit", List.of(
                    "Check wheel speed sensor", "Check wheel speed sensor wiring"))),
            Map.entry("U0100", new Entry("lost communication with engine control module", List.of(
                    "Check CAN bus wiring", "Check engine control module power and ground"))));

    private TroubleCodeChecks() {
    }

    /** The checks for each code the table knows, scored 0.7: below an overdue service, above a weak rule. */
    public static List<Suggestion> suggestions(List<TroubleCode> codes) {
        List<Suggestion> suggestions = new ArrayList<>();
        for (TroubleCode code : codes) {
            Entry entry = lookup(code.code());
            if (entry != null) {
                entry.checks().forEach(check -> suggestions.add(new Suggestion(JobSignals.work(check), 0.7,
                        Suggestion.Source.TROUBLE_CODE, List.of("Code %s means %s.".formatted(code, entry.meaning())),
                        Map.of("code", code.code()))));
            }
        }
        return suggestions;
    }

    private static Entry lookup(String code) {
        for (int length = code.length(); length >= 4; length--) {
            Entry entry = BY_PREFIX.get(code.substring(0, length));
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }
}
