package com.garage.mobile.technician.chat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncTypes;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A technician's sync reads their garage's messages of its window through an index: before, every sync
 * scanned every garage's messages (issue 19, docs/performance.md).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ChatSyncScopeIndexTest {

    @Inject
    DataSource dataSource;

    @Inject
    SyncTypes types;

    @Test
    void theChatScopeAndItsAgedOutReadTakeTheGaragesMessagesOfTheirWindowFromAnIndex() throws SQLException {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person tom = garage.technician("Tom Reyes");
        SyncScope scope = types.of(tom.actor()).stream()
                .filter(type -> type.type().declaration().name().equals("chat-message"))
                .findFirst().orElseThrow().scope();

        for (String read : new String[] {scope.members(), scope.agedOut()}) {
            String plan = plan(read.replace("$1", "'" + garage.garageId + "'::uuid")
                    .replace("$2", "'" + tom.id() + "'::uuid")
                    .replace("$3", "now() - interval '7 days'").replace("$4", "now() - interval '8 days'"));
            assertTrue(plan.contains("chat_message_garage_sent"), plan);
        }
    }

    /** The plan PostgreSQL makes when it may avoid whole scans: a test's tables are too small to need an index. */
    private String plan(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet lines = statement.executeQuery("explain " + query)) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            } finally {
                connection.rollback();
            }
            return plan.toString();
        }
    }
}
