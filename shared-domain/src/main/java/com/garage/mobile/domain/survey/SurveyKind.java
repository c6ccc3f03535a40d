package com.garage.mobile.domain.survey;

/** The surveys an app may show: Net Promoter Score (0–10) and satisfaction (1–5). */
public enum SurveyKind {
    NPS(0, 10),
    CSAT(1, 5);

    private final int lowest;
    private final int highest;

    SurveyKind(int lowest, int highest) {
        this.lowest = lowest;
        this.highest = highest;
    }

    public boolean allows(int score) {
        return score >= lowest && score <= highest;
    }

    public String range() {
        return lowest + " to " + highest;
    }
}
