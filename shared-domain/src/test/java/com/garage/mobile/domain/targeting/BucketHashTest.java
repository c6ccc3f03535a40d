package com.garage.mobile.domain.targeting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden vectors of hash version 1: an app SDK or another service that buckets units must give
 * the same numbers (computed independently from the recipe in docs/experiments.md).
 */
class BucketHashTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "checkout-salt | variant  | user-1 | 7806",
            "checkout-salt | exposure | user-1 | 5171",
            "checkout-salt | variant  | 7d3c1a2e-5b1f-4c1e-9a3d-2f6b8e4c0d11 | 8076",
            "s             | variant  | ''     | 4261",
            "ünïcode       | exposure | device-ß | 7342"})
    void version1GivesTheDocumentedBuckets(String salt, String purpose, String unit, int bucket) {
        assertEquals(bucket, BucketHash.bucket(salt, purpose, unit));
    }
}
