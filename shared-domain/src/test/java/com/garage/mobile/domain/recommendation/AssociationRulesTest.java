package com.garage.mobile.domain.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssociationRulesTest {

    static List<JobBasket> history() {
        List<JobBasket> jobs = new ArrayList<>();
        LocalDate on = LocalDate.of(2026, 3, 1);
        for (int i = 0; i < 4; i++) {
            jobs.add(new JobBasket("misfire" + i, on, Set.of("code:P0301", "season:spring"), Set.of("replace spark plugs",
                    i < 3 ? "replace ignition coil" : "road test")));
        }
        for (int i = 0; i < 6; i++) {
            jobs.add(new JobBasket("service" + i, on, Set.of("word:service", "season:spring"), Set.of("oil change", "road test")));
        }
        return jobs;
    }

    @Test
    void rulesCountSupportConfidenceAndLift() {
        AssociationModel model = AssociationRules.train(history(), 3, 0.2);
        AssociationRule plugs = model.rules().stream().filter(r -> r.antecedent().equals("code:P0301")
                && r.consequent().equals("replace spark plugs")).findFirst().orElseThrow();
        assertEquals(4, plugs.together());
        assertEquals(4, plugs.antecedentCount());
        assertEquals(1.0, plugs.confidence());
        assertEquals(10 / 4.0, plugs.lift(), 1e-9, "every P0301 job against 4 of 10 jobs overall");
        assertEquals("4 of 4 jobs here with code P0301 included \"replace spark plugs\" (2.5× as often as on average).",
                plugs.reason());
    }

    @Test
    void rarePairsAndWorkThatIsNoLikelierWithTheSignalMakeNoRule() {
        AssociationModel model = AssociationRules.train(history(), 3, 0.2);
        assertTrue(model.rules().stream().noneMatch(r -> r.consequent().equals("road test")
                && r.antecedent().equals("code:P0301")), "1 job together is below the support");
        assertTrue(model.rules().stream().noneMatch(r -> r.antecedent().equals("season:spring")),
                "every job came in spring: the season makes no work likelier than it is anyway (lift 1)");
    }

    @Test
    void agreeingRulesCombineAndCarryTheirReasons() {
        List<JobBasket> jobs = new ArrayList<>(history());
        for (int i = 0; i < 3; i++) {
            jobs.add(new JobBasket("rough" + i, LocalDate.of(2026, 3, 1), Set.of("word:rough"),
                    Set.of("replace ignition coil")));
        }
        AssociationModel model = AssociationRules.train(jobs, 3, 0.2);
        List<Suggestion> suggested = model.suggest(Set.of("code:P0301", "word:rough"), 3);
        assertEquals("replace ignition coil", suggested.getFirst().work());
        assertEquals(1 - (1 - 0.75) * (1 - 1.0), suggested.getFirst().score(), 1e-9);
        assertEquals(2, suggested.getFirst().reasons().size());
        assertEquals(Suggestion.Source.MODEL, suggested.getFirst().source());
        assertEquals("replace spark plugs", suggested.get(1).work());
    }

    @Test
    void thePopularityBaselineIsTheMostFrequentWork() {
        assertEquals(List.of("road test", "oil change", "replace spark plugs"),
                AssociationRules.train(history(), 3, 0.2).popular(3));
    }

    @Test
    void signalsComeFromCodesConcernWordsAndSeason() {
        assertEquals(Set.of("code:P0301", "word:engine", "word:shakes", "word:idle", "season:autumn"),
                JobSignals.of("Engine shakes at idle, please check", List.of("p0301"), LocalDate.of(2026, 10, 3)));
        assertEquals("replace spark plugs x4", JobSignals.work("  Replace spark-plugs (x4) "));
    }

    @Test
    void aRuleAndTheModelSuggestingTheSameWorkBecomeOneWithBothReasons() {
        Suggestion rule = new Suggestion("oil change", 0.9, Suggestion.Source.SERVICE_DUE, List.of("due"),
                java.util.Map.of());
        Suggestion learned = new Suggestion("oil change", 0.5, Suggestion.Source.MODEL, List.of("learned"),
                java.util.Map.of());
        List<Suggestion> ranked = Suggestion.ranked(List.of(learned, rule), 3);
        assertEquals(1, ranked.size());
        assertEquals(0.9, ranked.getFirst().score());
        assertEquals(List.of("due", "learned"), ranked.getFirst().reasons());
    }
}
