package com.garage.mobile.domain.recommendation;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Work to suggest, with a score in [0, 1], where it comes from (a rule such as a due service, or
 * the learned model), its reasons as sentences and the evidence behind them.
 */
public record Suggestion(String work, double score, Source source, List<String> reasons, Map<String, Object> evidence) {

    /** Which part of the recommender made the suggestion. */
    public enum Source {
        SERVICE_DUE, DECLINED_FOLLOW_UP, TROUBLE_CODE, INSPECTION, MODEL
    }

    /**
     * The best {@code limit} suggestions, one per work item: where a rule and the model suggest the same
     * work, the higher score wins and the reasons of both are kept.
     */
    public static List<Suggestion> ranked(List<Suggestion> candidates, int limit) {
        Map<String, Suggestion> byWork = new LinkedHashMap<>();
        for (Suggestion candidate : candidates) {
            byWork.merge(candidate.work(), candidate, Suggestion::combine);
        }
        return byWork.values().stream().sorted(Comparator.comparing(Suggestion::score).reversed()
                .thenComparing(Suggestion::work)).limit(limit).toList();
    }

    private static Suggestion combine(Suggestion a, Suggestion b) {
        Suggestion first = a.score() >= b.score() ? a : b;
        Suggestion second = first == a ? b : a;
        List<String> reasons = new java.util.ArrayList<>(first.reasons());
        second.reasons().stream().filter(reason -> !reasons.contains(reason)).forEach(reasons::add);
        Map<String, Object> evidence = new LinkedHashMap<>(second.evidence());
        evidence.putAll(first.evidence());
        return new Suggestion(first.work(), first.score(), first.source(), List.copyOf(reasons), evidence);
    }
}
