package com.garage.mobile.technician.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.job.JobCardBatch;
import com.garage.mobile.domain.job.JobCardDetail;
import com.garage.mobile.testing.CapturedLog;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Statements on "any of these ids" (the HQL function {@code array_has}, platform/database/ArrayHasFunction) are
 * translated to SQL once, whatever the number of ids: a sync page of many jobs runs from kept translations.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ListQueriesKeepTheirPlansTest {

    /** Hibernate logs each query's SQL tree here as it translates the query. */
    private static final Logger TRANSLATIONS = Logger.getLogger("org.hibernate.orm.sql.ast.tree");
    private static final List<String> CARD_ROWS = List.of("JobCard", "JobAssignment", "JobStep", "EstimateLine",
            "JobNote");

    @Inject
    DataSource dataSource;

    @Inject
    JobCardBatch cards;

    @Test
    void jobCardsOfOneTwoOrFourIdsTranslateTheirFiveStatementsOnce() throws Throwable {
        var garage = GarageFixture.create(dataSource);
        Person carl = garage.customer("Carl", "Jensen");
        UUID vehicle = garage.vehicle(carl);
        UUID first = garage.job(carl, vehicle).step("Road test").create();
        UUID second = garage.job(carl, vehicle).create();
        UUID third = garage.job(carl, vehicle).create();
        var otherGarage = GarageFixture.create(dataSource);
        Person dana = otherGarage.customer("Dana", "Ortiz");
        UUID elsewhere = otherGarage.job(dana, otherGarage.vehicle(dana)).create();

        Level level = TRANSLATIONS.getLevel();
        TRANSLATIONS.setLevel(Level.FINEST);
        try (CapturedLog log = CapturedLog.start()) {
            assertEquals(Set.of(first), found(garage.garageId, List.of(first)));
            assertEquals(Set.of(first, second), found(garage.garageId, List.of(first, second)));
            assertEquals(Set.of(second, third), found(garage.garageId, List.of(second, third, second, elsewhere)),
                    "each job once, and none of another garage");

            List<String> translated = log.lines().stream().filter(line -> line.contains("SQL AST Tree")).toList();
            for (String rows : CARD_ROWS) {
                assertTrue(translated.stream().filter(tree -> tree.contains("domain.job." + rows + "(")).count() <= 1,
                        rows + " translated once at most: " + translated);
            }
        } finally {
            TRANSLATIONS.setLevel(level);
        }
    }

    private Set<UUID> found(UUID garageId, List<UUID> ids) throws Throwable {
        List<JobCardDetail> found = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> cards.forStaff(garageId, ids)));
        return found.stream().map(card -> card.job().id).collect(Collectors.toSet());
    }
}
