package com.garage.mobile.domain.recommendation;

/**
 * "Jobs with {@code antecedent} included {@code consequent}": of {@code antecedentCount} jobs with the
 * signal, {@code together} had the work; confidence is their share, lift how much likelier the work
 * is with the signal than across all jobs.
 */
public record AssociationRule(String antecedent, String consequent, int together, int antecedentCount,
        double confidence, double lift) {

    /** The rule as a sentence with its evidence. */
    public String reason() {
        return "%d of %d jobs here with %s included \"%s\" (%.1f× as often as on average)."
                .formatted(together, antecedentCount, JobSignals.describe(antecedent), consequent, lift);
    }
}
