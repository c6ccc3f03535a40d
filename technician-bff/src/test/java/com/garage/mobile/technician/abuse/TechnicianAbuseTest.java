package com.garage.mobile.technician.abuse;

import static com.garage.mobile.technician.SignInTest.TOKENS;

import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.TestTokens;
import com.garage.mobile.testing.abuse.AbuseFixture;
import com.garage.mobile.testing.abuse.AbuseFixture.Foreign;
import com.garage.mobile.testing.abuse.AbuseSuite;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Set;

/** Every operation of the technician API, attacked (see {@link AbuseSuite}); staff see their whole garage. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class TechnicianAbuseTest extends AbuseSuite {

    @Override
    protected TestTokens tokens() {
        return TOKENS;
    }

    @Override
    protected List<Person> members(AbuseFixture world) {
        return List.of(world.admin, world.advisor, world.technician);
    }

    @Override
    protected List<Person> outsiders(AbuseFixture world) {
        return List.of(world.customer);
    }

    @Override
    protected Set<Foreign> foreignRecords() {
        return Set.of();
    }
}
