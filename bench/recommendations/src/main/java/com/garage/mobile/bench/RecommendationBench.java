package com.garage.mobile.bench;

import com.garage.mobile.domain.recommendation.AssociationModel;
import com.garage.mobile.domain.recommendation.AssociationRules;
import com.garage.mobile.domain.recommendation.DueService.LastDone;
import com.garage.mobile.domain.recommendation.DueServices;
import com.garage.mobile.domain.recommendation.JobBasket;
import com.garage.mobile.domain.recommendation.JobSignals;
import com.garage.mobile.domain.recommendation.ServiceIntervals;
import com.garage.mobile.domain.recommendation.ServiceVisit;
import com.garage.mobile.domain.recommendation.Suggestion;
import com.garage.mobile.domain.telemetry.DailyMileage;
import com.garage.mobile.domain.telemetry.OdometerReading;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Offline evaluation of the recommender: generates a seeded history ({@link HistoryGenerator}), trains
 * the product's association rules on the jobs before the split day, and for every later job predicts
 * the work from what was known at check-in (concern, codes, season, the vehicle's earlier visits and
 * odometer), with the product's own classes. Prints hit rate and precision at 3 beside the popularity
 * baseline (the three most frequent work items), and the rules and the model alone, in the same run.
 */
public final class RecommendationBench {

    private static final int K = 3;

    private RecommendationBench() {
    }

    public static void main(String[] args) {
        long seed = Long.getLong("bench.seed", 42);
        int vehicles = Integer.getInteger("bench.vehicles", 400);
        LocalDate from = LocalDate.parse(System.getProperty("bench.from", "2023-01-01"));
        LocalDate split = LocalDate.parse(System.getProperty("bench.split", "2025-07-01"));
        LocalDate to = LocalDate.parse(System.getProperty("bench.to", "2026-01-01"));

        List<GeneratedJob> jobs = new HistoryGenerator(seed).generate(vehicles, from, to);
        List<GeneratedJob> training = jobs.stream().filter(job -> job.on().isBefore(split)).toList();
        List<GeneratedJob> testing = jobs.stream().filter(job -> !job.on().isBefore(split)).toList();
        long started = System.nanoTime();
        AssociationModel model = AssociationRules.train(training.stream().map(RecommendationBench::basket).toList(),
                3, 0.2);
        double trainMs = (System.nanoTime() - started) / 1e6;
        List<String> popular = model.popular(K);

        Map<Integer, List<GeneratedJob>> byVehicle = new HashMap<>();
        jobs.forEach(job -> byVehicle.computeIfAbsent(job.vehicle(), v -> new ArrayList<>()).add(job));

        System.out.printf("Generated history: seed %d, %d vehicles, %s to %s: %d jobs; trained on %d before %s"
                + " (%d rules, %.0f ms), predicting %d after it.%n", seed, vehicles, from, to, jobs.size(),
                training.size(), split, model.rules().size(), trainMs, testing.size());
        System.out.printf("Popularity baseline's top %d: %s%n%n", K, popular);
        System.out.printf("%-28s %10s %14s%n", "predictor", "hit rate@3", "precision@3");
        Score baseline = score(testing, job -> popular);
        Score rules = score(testing, job -> top(dueServices(job, byVehicle)));
        Score learned = score(testing, job -> top(model.suggest(signals(job), K)));
        Score both = score(testing, job -> top(merged(job, model, byVehicle)));
        print("popularity (baseline)", baseline);
        print("rules only (due services)", rules);
        print("model only (learned rules)", learned);
        print("rules + model (product)", both);
        double hitRatio = both.hitRate() / baseline.hitRate();
        double precisionRatio = both.precision() / baseline.precision();
        System.out.printf(
                "%nrules + model against the baseline: hit rate %.2f×, precision@3 %.2f× (target ≥ 1.5×: %s)%n",
                hitRatio, precisionRatio, hitRatio >= 1.5 && precisionRatio >= 1.5 ? "MET" : "NOT MET");
    }

    record Score(double hitRate, double precision) {
    }

    static Score score(List<GeneratedJob> testing, Function<GeneratedJob, List<String>> predictor) {
        double hits = 0;
        double precision = 0;
        for (GeneratedJob job : testing) {
            List<String> predicted = predictor.apply(job);
            long right = predicted.stream().limit(K).filter(job.work()::contains).count();
            hits += right > 0 ? 1 : 0;
            precision += right / (double) K;
        }
        return new Score(hits / testing.size(), precision / testing.size());
    }

    static void print(String name, Score score) {
        System.out.printf("%-28s %10.3f %14.3f%n", name, score.hitRate(), score.precision());
    }

    static JobBasket basket(GeneratedJob job) {
        return new JobBasket(job.vehicle() + "@" + job.on(), job.on(), signals(job), job.work());
    }

    static java.util.Set<String> signals(GeneratedJob job) {
        return JobSignals.of(job.concern(), job.codes(), job.on());
    }

    static List<Suggestion> merged(GeneratedJob job, AssociationModel model,
            Map<Integer, List<GeneratedJob>> byVehicle) {
        List<Suggestion> all = new ArrayList<>(dueServices(job, byVehicle));
        all.addAll(model.suggest(signals(job), 10));
        return Suggestion.ranked(all, K);
    }

    /** The product's due-service rule at check-in: the vehicle's earlier visits and today's odometer. */
    static List<Suggestion> dueServices(GeneratedJob job, Map<Integer, List<GeneratedJob>> byVehicle) {
        List<GeneratedJob> earlier = byVehicle.get(job.vehicle()).stream().filter(j -> j.on().isBefore(job.on()))
                .toList();
        if (earlier.isEmpty()) {
            return List.of();
        }
        List<ServiceVisit> visits = earlier.stream().map(j -> new ServiceVisit(j.on(), j.km(),
                String.join(" | ", j.work()))).toList();
        List<OdometerReading> readings = new ArrayList<>(earlier.stream().map(j -> new OdometerReading(j.km(),
                j.on().atStartOfDay(ZoneOffset.UTC).toInstant())).toList());
        readings.add(new OdometerReading(job.km(), job.on().atStartOfDay(ZoneOffset.UTC).toInstant()));
        DailyMileage.Estimate mileage = DailyMileage.estimate(readings, job.on().atStartOfDay(ZoneOffset.UTC)
                .toInstant(), null, 365, 14, 40);
        return DueServices.suggestions(DueServices.assess(ServiceIntervals.DEFAULTS, visits, job.km(),
                mileage.kmPerDay(), job.on(), new LastDone(earlier.getFirst().on(), earlier.getFirst().km()), 30));
    }

    static List<String> top(List<Suggestion> suggestions) {
        return Suggestion.ranked(suggestions, K).stream().map(Suggestion::work).toList();
    }
}
