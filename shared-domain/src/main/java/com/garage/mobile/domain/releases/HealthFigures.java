package com.garage.mobile.domain.releases;

/**
 * A release's crash figures in one ring: sessions and people (the sample sizes), how many of each
 * crashed, and the crash-free shares in basis points.
 */
public record HealthFigures(Ring ring, long sessions, long crashedSessions, long users, long crashedUsers) {

    public int crashFreeSessionsBp() {
        return CrashBudget.crashFreeBp(sessions, crashedSessions);
    }

    public int crashFreeUsersBp() {
        return CrashBudget.crashFreeBp(users, crashedUsers);
    }
}
