package com.garage.mobile.technician.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A statement of several kilobytes, like the sync's scope statement, is prepared on its connection and kept there
 * (platform/database/StatementCachingPool), not parsed and planned afresh on every call.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class LongStatementsStayPreparedTest {

    @Inject
    Pool pool;

    @Test
    void aStatementOfSeveralKilobytesIsPreparedOnceAndKeptOnItsConnection() {
        String sql = "select " + IntStream.range(0, 300).mapToObj(i -> "$1::int + " + i + " as c" + i)
                .collect(Collectors.joining(", "));
        assertTrue(sql.length() > 4096, "as long as the sync's scope statement");

        List<Integer> answers = pool.withConnection(connection -> connection.preparedQuery(sql).execute(Tuple.of(1))
                .chain(first -> connection.preparedQuery(sql).execute(Tuple.of(2))
                        .chain(second -> connection.preparedQuery("select count(*) from pg_prepared_statements"
                                        + " where statement = $1").execute(Tuple.of(sql))
                                .map(kept -> List.of(first.iterator().next().getInteger("c299"),
                                        second.iterator().next().getInteger("c299"),
                                        kept.iterator().next().getInteger(0))))))
                .await().atMost(Duration.ofSeconds(10));

        assertEquals(List.of(300, 301, 1), answers, "both answers right, and the statement prepared on the connection");
    }
}
