package com.garage.mobile.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.Map;

/**
 * For {@code @QuarkusIntegrationTest}: starts the test OIDC provider and hands the packaged application, which runs
 * in the prod profile, only the production variables (see {@link TestSettings#productionEnvironment}).
 */
public class ProductionSettings extends OidcWiremockTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> settings = new HashMap<>(super.start());
        settings.putAll(TestSettings.productionEnvironment(settings.get("keycloak.url") + "/realms/quarkus/"));
        return settings;
    }
}
