package com.garage.mobile.domain.releases;

import java.time.LocalDate;

/**
 * The sessions of one app build that started in a week: how many, by how many people, how many of each crashed, and
 * the median length of the sessions that ended.
 *
 * @param medianMinutes null while none of them has ended
 */
public record SessionHealth(LocalDate week, String app, String platform, String appVersion, long sessions,
        long crashedSessions, long users, long crashedUsers, Double medianMinutes) {

    public int crashFreeSessionsBp() {
        return CrashBudget.crashFreeBp(sessions, crashedSessions);
    }

    public int crashFreeUsersBp() {
        return CrashBudget.crashFreeBp(users, crashedUsers);
    }
}
