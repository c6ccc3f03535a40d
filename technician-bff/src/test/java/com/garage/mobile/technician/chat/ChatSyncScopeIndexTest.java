package com.garage.mobile.technician.chat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncTypes;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.QueryPlans;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.SQLException;
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
            String plan = QueryPlans.ofSyncRead(dataSource, read, garage.garageId, tom.id());
            assertTrue(plan.contains("chat_message_garage_sent"), plan);
        }
    }
}
