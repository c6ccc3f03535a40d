package com.garage.mobile.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shared module keeps the direction domain ← platform and has no package cycles. */
class SharedLayersTest {

    private static final String ROOT = "com.garage.mobile";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void domainIsFreeOfWebAndInfrastructureTypes() {
        LayerRules.domainIsFreeOfWebAndInfrastructure(ROOT).check(MAIN);
    }

    @Test
    void domainDoesNotDependOnThePlatform() {
        LayerRules.domainDoesNotKnowThePlatform(ROOT).check(MAIN);
    }

    @Test
    void platformDoesNotDependOnEitherApp() {
        LayerRules.platformDoesNotKnowTheApps(ROOT).check(MAIN);
    }

    @Test
    void platformDoesNotDependOnTheSharedEndpoints() {
        LayerRules.platformDoesNotKnowTheSharedEndpoints(ROOT).check(MAIN);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        LayerRules.featurePackagesAreFreeOfCycles(ROOT).check(MAIN);
    }
}
