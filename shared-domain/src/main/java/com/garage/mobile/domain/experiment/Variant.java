package com.garage.mobile.domain.experiment;

/** One arm of an experiment and its share of the exposed units, in percent (the weights sum to 100). */
public record Variant(String name, int weight) {
}
