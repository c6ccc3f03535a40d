package com.garage.mobile.domain.releases;

/**
 * A release's crash budget: at least {@code crashFreeBp} of its sessions (in basis points, 99.5 %
 * = 9950) end without a crash, judged only once {@code minSessions} sessions are in, so that a few
 * unlucky early sessions never halt a rollout.
 */
public record CrashBudget(int crashFreeBp, int minSessions) {

    /** What the figures say about the budget. */
    public enum Verdict {
        /** Too few sessions to judge. */
        TOO_FEW_SESSIONS,
        WITHIN,
        BROKEN
    }

    public CrashBudget {
        if (crashFreeBp < 0 || crashFreeBp > 10_000 || minSessions < 1) {
            throw new IllegalArgumentException("crash-free share 0-10000 bp, at least one session");
        }
    }

    public Verdict judge(long sessions, long crashedSessions) {
        if (sessions < minSessions) {
            return Verdict.TOO_FEW_SESSIONS;
        }
        // crash-free / sessions >= bp / 10000, in whole numbers
        return (sessions - crashedSessions) * 10_000 >= (long) crashFreeBp * sessions ? Verdict.WITHIN : Verdict.BROKEN;
    }

    /** The crash-free share in basis points, rounded down; 10,000 without sessions. */
    public static int crashFreeBp(long sessions, long crashedSessions) {
        return sessions == 0 ? 10_000 : (int) ((sessions - crashedSessions) * 10_000 / sessions);
    }
}
