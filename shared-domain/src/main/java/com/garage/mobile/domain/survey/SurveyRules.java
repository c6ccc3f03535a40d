package com.garage.mobile.domain.survey;

import java.time.Duration;
import java.time.Instant;

/**
 * When a person may answer a survey: at most one NPS in 90 days and at most one survey of any kind
 * in 7 days. Pure, so the limits are tested without a database; {@link SurveyAnswers} applies them
 * under a per-person lock.
 */
public final class SurveyRules {

    public static final Duration NPS_EVERY = Duration.ofDays(90);
    public static final Duration ANY_EVERY = Duration.ofDays(7);

    private SurveyRules() {
    }

    /**
     * Why the person may not answer a survey of this kind now, or null when they may.
     *
     * @param lastNps the person's last NPS answer, or null
     * @param lastAny the person's last answer of any kind, or null
     */
    public static String refusal(SurveyKind kind, Instant now, Instant lastNps, Instant lastAny) {
        if (kind == SurveyKind.NPS && lastNps != null && lastNps.plus(NPS_EVERY).isAfter(now)) {
            return "An NPS answer was given in the last 90 days.";
        }
        if (lastAny != null && lastAny.plus(ANY_EVERY).isAfter(now)) {
            return "A survey was answered in the last 7 days.";
        }
        return null;
    }
}
