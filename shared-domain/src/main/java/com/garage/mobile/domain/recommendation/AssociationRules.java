package com.garage.mobile.domain.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns association rules signal → work from closed jobs (support, confidence and lift, as in
 * market-basket analysis over pairs): a rule is kept when the pair occurred in at least
 * {@code minTogether} jobs, its confidence reaches {@code minConfidence} and its lift exceeds 1
 * (the signal makes the work likelier than it is anyway). Pairs only: our baskets are small and a
 * rule must read as one sentence.
 */
public final class AssociationRules {

    private AssociationRules() {
    }

    public static AssociationModel train(List<JobBasket> jobs, int minTogether, double minConfidence) {
        Map<String, Integer> signalCounts = new HashMap<>();
        Map<String, Integer> workCounts = new HashMap<>();
        Map<String, Map<String, Integer>> pairs = new HashMap<>();
        for (JobBasket job : jobs) {
            job.signals().forEach(signal -> signalCounts.merge(signal, 1, Integer::sum));
            job.work().forEach(work -> workCounts.merge(work, 1, Integer::sum));
            for (String signal : job.signals()) {
                Map<String, Integer> withSignal = pairs.computeIfAbsent(signal, s -> new HashMap<>());
                job.work().forEach(work -> withSignal.merge(work, 1, Integer::sum));
            }
        }
        List<AssociationRule> rules = new ArrayList<>();
        int total = jobs.size();
        pairs.forEach((signal, works) -> works.forEach((work, together) -> {
            int antecedents = signalCounts.get(signal);
            double confidence = together / (double) antecedents;
            double lift = confidence / (workCounts.get(work) / (double) total);
            if (together >= minTogether && confidence >= minConfidence && lift > 1.0) {
                rules.add(new AssociationRule(signal, work, together, antecedents, confidence, lift));
            }
        }));
        rules.sort(Comparator.comparing(AssociationRule::antecedent).thenComparing(AssociationRule::confidence,
                Comparator.reverseOrder()).thenComparing(AssociationRule::consequent));
        return new AssociationModel(rules, total, workCounts);
    }
}
