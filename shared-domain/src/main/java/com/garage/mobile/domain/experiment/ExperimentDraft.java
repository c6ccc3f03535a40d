package com.garage.mobile.domain.experiment;

import com.garage.mobile.domain.access.SoftwareVersion;
import com.garage.mobile.domain.notification.FieldErrors;
import jakarta.validation.constraints.Pattern;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A new experiment or flag as an admin describes it. Its variants and weights are fixed once it
 * runs (a change would move units between variants); its exposure is ramped and it is stopped.
 */
public record ExperimentDraft(
        @Pattern(regexp = KEY_PATTERN, message = "must be lower-case letters, digits and dashes, 2 to 64") String key,
        Experiment.Kind kind, Experiment.Unit unit, List<Variant> variants, Targeting targeting,
        Integer exposurePercent,
        @Pattern(regexp = "[a-z][a-z0-9_.-]{1,63}", message = "must be a registered analytics event") String goalEvent) {

    static final String KEY_PATTERN = "[a-z][a-z0-9-]{1,63}";

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile(KEY_PATTERN);
    private static final java.util.regex.Pattern VARIANT = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Set<String> FLAG_VARIANTS = Set.of(Experiment.ON, "off");

    /** Refuses, naming each field, a draft that cannot run. */
    public void check(Set<String> registeredEvents) {
        FieldErrors errors = new FieldErrors();
        if (key == null || !KEY.matcher(key).matches()) {
            errors.add("key", "must be lower-case letters, digits and dashes, 2 to 64, starting with a letter");
        }
        if (kind == null) {
            errors.add("kind", "must be EXPERIMENT or FLAG");
        }
        if (unit == null) {
            errors.add("unit", "must be USER, DEVICE or GARAGE");
        }
        checkVariants(errors);
        if (exposurePercent == null || exposurePercent < 0 || exposurePercent > 100) {
            errors.add("exposurePercent", "must be from 0 to 100");
        }
        if (goalEvent != null && !registeredEvents.contains(goalEvent)) {
            errors.add("goalEvent", "must be a registered analytics event");
        }
        if (targeting != null) {
            checkVersion(errors, "targeting.minVersion", targeting.minVersion());
            checkVersion(errors, "targeting.maxVersion", targeting.maxVersion());
        }
        errors.throwIfAny();
    }

    private void checkVariants(FieldErrors errors) {
        if (variants == null || variants.isEmpty()) {
            errors.add("variants", "must name at least one variant");
            return;
        }
        Set<String> names = new HashSet<>();
        int total = 0;
        for (Variant variant : variants) {
            if (variant == null || variant.name() == null || !VARIANT.matcher(variant.name()).matches()
                    || !names.add(variant.name())) {
                errors.add("variants", "each needs its own name: lower-case letters, digits and dashes");
                return;
            }
            if (kind == Experiment.Kind.FLAG && !FLAG_VARIANTS.contains(variant.name())) {
                errors.add("variants", "a flag's variants are on and off");
                return;
            }
            if (variant.weight() < 0) {
                errors.add("variants", "weights must not be negative");
                return;
            }
            total += variant.weight();
        }
        if (total != 100) {
            errors.add("variants", "weights must add up to 100");
        }
    }

    private static void checkVersion(FieldErrors errors, String field, String version) {
        if (version != null && SoftwareVersion.parse(version) == null) {
            errors.add(field, "must be a dotted version such as 2.14.1");
        }
    }
}
