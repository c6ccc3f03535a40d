package com.garage.mobile.domain.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.access.SoftwareVersion;
import com.garage.mobile.domain.releases.MinimumVersion.Standing;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MinimumVersionTest {

    static final Instant REQUIRED_FROM = Instant.parse("2026-12-10T00:00:00Z");
    static final MinimumVersion RULE = new MinimumVersion(v("3.2.0"), v("3.0.0"), REQUIRED_FROM, "Update for the new job card");

    @Test
    void belowTheComingMinimumIsToldBeforeItIsRefused() {
        Instant grace = REQUIRED_FROM.minusSeconds(1);
        assertEquals(Standing.UPGRADE_RECOMMENDED, RULE.standingOf(v("3.1.9"), grace));
        assertEquals(Standing.UPGRADE_REQUIRED, RULE.standingOf(v("3.1.9"), REQUIRED_FROM));
        assertEquals(v("3.0.0"), RULE.inForceAt(grace));
        assertEquals(v("3.2.0"), RULE.inForceAt(REQUIRED_FROM));
    }

    @Test
    void belowThePreviousMinimumIsRefusedThroughoutTheGracePeriod() {
        assertEquals(Standing.UPGRADE_REQUIRED, RULE.standingOf(v("2.9"), REQUIRED_FROM.minusSeconds(86_400)));
    }

    @Test
    void atOrAboveTheMinimumIsSupported() {
        assertEquals(Standing.SUPPORTED, RULE.standingOf(v("3.2"), REQUIRED_FROM.minusSeconds(1)));
        assertEquals(Standing.SUPPORTED, RULE.standingOf(v("4.0.0"), REQUIRED_FROM));
        assertEquals(Standing.UPGRADE_REQUIRED, RULE.standingOf(v("3.2.0-beta.1"), REQUIRED_FROM));
    }

    @Test
    void theConfiguredMinimumHoldsAtOnce() {
        MinimumVersion configured = MinimumVersion.inForce(v("3.0.0"));
        assertEquals(Standing.UPGRADE_REQUIRED, configured.standingOf(v("2.9.9"), Instant.EPOCH));
        assertEquals(Standing.SUPPORTED, configured.standingOf(v("3.0.0"), Instant.EPOCH));
    }

    private static SoftwareVersion v(String text) {
        return SoftwareVersion.parse(text);
    }
}
