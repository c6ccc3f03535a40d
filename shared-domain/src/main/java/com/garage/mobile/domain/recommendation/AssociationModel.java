package com.garage.mobile.domain.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A trained set of rules and what it suggests for a new job's signals. Several rules pointing at
 * the same work combine as independent evidence, 1 − Π(1 − confidence), so two signals agreeing
 * weigh more than either alone; each suggestion keeps the rules behind it as its reasons.
 *
 * @param workCounts how many training jobs included each work item (the popularity baseline)
 */
public record AssociationModel(List<AssociationRule> rules, int jobsUsed, Map<String, Integer> workCounts) {

    public List<Suggestion> suggest(Set<String> signals, int limit) {
        Map<String, List<AssociationRule>> byWork = rules.stream().filter(rule -> signals.contains(rule.antecedent()))
                .collect(Collectors.groupingBy(AssociationRule::consequent));
        List<Suggestion> suggestions = new ArrayList<>();
        byWork.forEach((work, because) -> {
            double miss = 1;
            for (AssociationRule rule : because) {
                miss *= 1 - rule.confidence();
            }
            List<AssociationRule> strongestFirst = because.stream()
                    .sorted(Comparator.comparing(AssociationRule::confidence).reversed()).toList();
            suggestions.add(new Suggestion(work, 1 - miss, Suggestion.Source.MODEL,
                    strongestFirst.stream().map(AssociationRule::reason).toList(), Map.of("rules", strongestFirst)));
        });
        return Suggestion.ranked(suggestions, limit);
    }

    /** The work items most jobs included, whatever the signals: what a shop without a model would suggest. */
    public List<String> popular(int limit) {
        Map<String, Integer> counts = new HashMap<>(workCounts);
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(limit).map(Map.Entry::getKey).toList();
    }
}
