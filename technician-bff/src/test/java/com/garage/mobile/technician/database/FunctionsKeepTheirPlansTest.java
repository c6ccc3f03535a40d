package com.garage.mobile.technician.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL 15 plans a SQL-language function's body again on every call unless it inlines it, which it does only
 * for one expression without FROM or a sub-select. The functions our triggers call on every write (sync log entries
 * and their audiences, a chat channel's readers) are PL/pgSQL, which keeps its plans for the connection's life;
 * written in SQL, their planning was about half of what a status change's two writes cost the database
 * (docs/performance.md, nineteenth step).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class FunctionsKeepTheirPlansTest {

    /** Single expressions over their argument, which PostgreSQL inlines where they are called. */
    private static final Set<String> INLINED = Set.of("audit_entry_hash", "estimate_line_shown");

    @Inject
    DataSource dataSource;

    @Test
    void onlyFunctionsPostgresInlinesAreWrittenInSql() throws SQLException {
        assertEquals(INLINED, sqlFunctions(), "write any other function in PL/pgSQL");
    }

    private Set<String> sqlFunctions() throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select p.proname from pg_proc p
                        join pg_language l on l.oid = p.prolang join pg_namespace n on n.oid = p.pronamespace
                        where n.nspname = current_schema() and l.lanname = 'sql'""")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
