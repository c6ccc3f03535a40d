package com.garage.mobile.customer.abuse;

import static com.garage.mobile.customer.SignInTest.TOKENS;

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

/** Every operation of the customer API, attacked (see {@link AbuseSuite}); a customer sees only their own records. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CustomerAbuseTest extends AbuseSuite {

    @Override
    protected TestTokens tokens() {
        return TOKENS;
    }

    @Override
    protected List<Person> members(AbuseFixture world) {
        return List.of(world.customer);
    }

    @Override
    protected List<Person> outsiders(AbuseFixture world) {
        return List.of(world.technician, world.advisor, world.admin);
    }

    @Override
    protected Set<Foreign> foreignRecords() {
        return Set.of(Foreign.OTHER_CUSTOMER);
    }
}
