package com.garage.mobile.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules fail on code that breaks them: the classes under {@code broken} do so on purpose. */
class LayerRulesCatchViolationsTest {

    private static final String ROOT = "com.garage.mobile.architecture.broken";
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(ROOT);

    @Test
    void aDomainClassUsingJaxRsFails() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> LayerRules.domainIsFreeOfWebAndInfrastructure(ROOT).check(BROKEN));
        assertTrue(failure.getMessage().contains("jakarta.ws.rs.core.Response"), failure.getMessage());
    }

    @Test
    void aDomainClassUsingAPlatformTypeFails() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> LayerRules.domainDoesNotKnowThePlatform(ROOT).check(BROKEN));
        assertTrue(failure.getMessage().contains("RequestState"), failure.getMessage());
    }

    @Test
    void aPlatformClassUsingAnApiTypeFails() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> LayerRules.platformDoesNotKnowTheApi(ROOT).check(BROKEN));
        assertTrue(failure.getMessage().contains("SyncEndpoint"), failure.getMessage());
    }

    @Test
    void twoPackagesThatDependOnEachOtherFail() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> LayerRules.featurePackagesAreFreeOfCycles(ROOT).check(BROKEN));
        assertTrue(failure.getMessage().contains("Cycle detected"), failure.getMessage());
    }
}
