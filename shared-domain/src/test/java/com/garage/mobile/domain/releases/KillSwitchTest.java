package com.garage.mobile.domain.releases;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.access.AppPlatform;
import com.garage.mobile.domain.access.SoftwareVersion;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KillSwitchTest {

    static final UUID GARAGE = UUID.randomUUID();

    @Test
    void aVersionRangeHoldsBetweenItsEndsInclusive() {
        KillSwitch chat = new KillSwitch(UUID.randomUUID(), "chat", AppAudience.STAFF, null, v("3.1.0"), v("3.1.4"), null,
                null, "");
        assertFalse(chat.holdsFor(build(AppPlatform.IOS, "3.0.9"), Ring.PRODUCTION, GARAGE));
        assertTrue(chat.holdsFor(build(AppPlatform.IOS, "3.1.0"), Ring.PRODUCTION, GARAGE));
        assertTrue(chat.holdsFor(build(AppPlatform.ANDROID, "3.1.4"), Ring.BETA, GARAGE));
        assertFalse(chat.holdsFor(build(AppPlatform.IOS, "3.1.5"), Ring.PRODUCTION, GARAGE));
        assertFalse(chat.holdsFor(new AppBuild(AppAudience.STAFF, null, null), Ring.PRODUCTION, GARAGE),
                "a build that does not say its version keeps a feature switched off for some versions");
    }

    @Test
    void aSwitchForARingPlatformOrGarageHoldsThereOnly() {
        KillSwitch beta = new KillSwitch(UUID.randomUUID(), "payments", AppAudience.CUSTOMER, AppPlatform.ANDROID, null,
                null, Ring.BETA, GARAGE, "");
        AppBuild android = new AppBuild(AppAudience.CUSTOMER, AppPlatform.ANDROID, v("2.0"));
        assertTrue(beta.holdsFor(android, Ring.BETA, GARAGE));
        assertFalse(beta.holdsFor(android, Ring.PRODUCTION, GARAGE));
        assertFalse(beta.holdsFor(android, Ring.BETA, UUID.randomUUID()));
        assertFalse(beta.holdsFor(new AppBuild(AppAudience.CUSTOMER, AppPlatform.IOS, v("2.0")), Ring.BETA, GARAGE));
        assertFalse(beta.holdsFor(new AppBuild(AppAudience.STAFF, AppPlatform.ANDROID, v("2.0")), Ring.BETA, GARAGE));
    }

    @Test
    void aSwitchForEveryBuildHoldsForABuildThatDoesNotSay() {
        KillSwitch everywhere = new KillSwitch(UUID.randomUUID(), "chat", AppAudience.STAFF, null, null, null, null,
                null, "");
        assertTrue(everywhere.holdsFor(new AppBuild(AppAudience.STAFF, null, null), Ring.PRODUCTION, GARAGE));
    }

    private static AppBuild build(AppPlatform platform, String version) {
        return new AppBuild(AppAudience.STAFF, platform, v(version));
    }

    private static SoftwareVersion v(String text) {
        return SoftwareVersion.parse(text);
    }
}
