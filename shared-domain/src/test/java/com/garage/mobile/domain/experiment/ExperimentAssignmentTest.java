package com.garage.mobile.domain.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.access.AppPlatform;
import com.garage.mobile.domain.access.SoftwareVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExperimentAssignmentTest {

    static final List<Variant> HALVES = List.of(new Variant("control", 50), new Variant("one-tap", 50));

    @Test
    void rampingUpAddsUnitsAndMovesNoOne() {
        Map<String, String> at10 = assignments(experiment(10, HALVES));
        Map<String, String> at50 = assignments(experiment(50, HALVES));
        Map<String, String> at100 = assignments(experiment(100, HALVES));
        assertTrue(at10.size() > 700 && at10.size() < 1300, "about 10 % of 10 000: " + at10.size());
        assertTrue(at50.size() > 4700 && at50.size() < 5300, "about half: " + at50.size());
        assertEquals(10_000, at100.size());
        at10.forEach((unit, variant) -> assertEquals(variant, at50.get(unit)));
        at50.forEach((unit, variant) -> assertEquals(variant, at100.get(unit)));
    }

    @Test
    void weightsShareTheExposedUnits() {
        Map<String, String> split = assignments(experiment(100, List.of(new Variant("a", 90), new Variant("b", 10))));
        long b = split.values().stream().filter("b"::equals).count();
        assertTrue(b > 850 && b < 1150, "about 10 %: " + b);
    }

    @Test
    void aStoppedExperimentShipsItsVariantToEveryone() {
        Experiment stopped = new Experiment(UUID.randomUUID(), UUID.randomUUID(), "checkout", Experiment.Kind.EXPERIMENT,
                Experiment.Unit.USER, "salt", HALVES, Targeting.everyone(), 5, Experiment.Status.STOPPED, "one-tap",
                null, null, 3);
        assertEquals(Optional.of("one-tap"), stopped.variantFor("anyone"));
    }

    @Test
    void targetingAdmitsByGarageAppPlatformVersionAndRing() {
        UUID garage = UUID.randomUUID();
        Targeting targeting = new Targeting(List.of(garage), List.of("customer"), List.of("ios"), "2.3", "3.0",
                List.of("beta"));
        AppBuild ios24 = new AppBuild(AppAudience.CUSTOMER, AppPlatform.IOS, SoftwareVersion.parse("2.4.1"));
        assertTrue(targeting.admits(garage, ios24, "beta"));
        assertFalse(targeting.admits(UUID.randomUUID(), ios24, "beta"));
        assertFalse(targeting.admits(garage, ios24, null));
        assertFalse(targeting.admits(garage, new AppBuild(AppAudience.STAFF, AppPlatform.IOS,
                SoftwareVersion.parse("2.4.1")), "beta"));
        assertFalse(targeting.admits(garage, new AppBuild(AppAudience.CUSTOMER, AppPlatform.ANDROID,
                SoftwareVersion.parse("2.4.1")), "beta"));
        assertFalse(targeting.admits(garage, new AppBuild(AppAudience.CUSTOMER, AppPlatform.IOS,
                SoftwareVersion.parse("2.2.9")), "beta"));
        assertFalse(targeting.admits(garage, new AppBuild(AppAudience.CUSTOMER, AppPlatform.IOS,
                SoftwareVersion.parse("3.0")), "beta"));
        assertFalse(targeting.admits(garage, new AppBuild(AppAudience.CUSTOMER, null, null), "beta"));
        assertTrue(Targeting.everyone().admits(garage, new AppBuild(AppAudience.CUSTOMER, null, null), null));
    }

    private static Experiment experiment(int exposure, List<Variant> variants) {
        return new Experiment(UUID.randomUUID(), UUID.randomUUID(), "checkout", Experiment.Kind.EXPERIMENT,
                Experiment.Unit.USER, "fixed-salt", variants, Targeting.everyone(), exposure,
                Experiment.Status.RUNNING, null, null, null, 0);
    }

    private static Map<String, String> assignments(Experiment experiment) {
        Map<String, String> assigned = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String unit = "unit-" + i;
            experiment.variantFor(unit).ifPresent(variant -> assigned.put(unit, variant));
        }
        return assigned;
    }
}
