package com.garage.mobile.testing.abuse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.garage.mobile.platform.live.LiveInbound;
import com.garage.mobile.platform.web.Endpoint;
import com.garage.mobile.platform.web.Endpoints;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.TestTokens;
import com.garage.mobile.testing.abuse.AbuseFixture.Foreign;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Attacks every operation a BFF publishes in its OpenAPI document: without a token, with a bad
 * one, as the wrong person, on other people's records, with broken and oversized bodies and with
 * injection-shaped text, and every message type apps send on the live channel likewise
 * ({@link LiveMessageAttacks}). Each attack must get the right problem and leave the data unchanged; free
 * text must be stored and returned verbatim. A BFF's test extends this and says who its people
 * are; an operation the suite cannot fill (a path parameter of an unknown collection, free text
 * without a way to make a valid call) fails the suite instead of being skipped.
 */
public abstract class AbuseSuite {

    @Inject
    DataSource dataSource;

    @Inject
    Endpoints endpoints;

    @Inject
    Instance<LiveInbound> inbound;

    @TestHTTPResource("/")
    URI base;

    /** Mints tokens for this BFF's audience. */
    protected abstract TestTokens tokens();

    /** The people this app serves, strongest role first. */
    protected abstract List<Person> members(AbuseFixture world);

    /** People this app does not serve, holding valid tokens for it: always 403. */
    protected abstract List<Person> outsiders(AbuseFixture world);

    /** Whose records the callers must not reach, besides the other garage's. */
    protected abstract Set<Foreign> foreignRecords();

    /**
     * For operations taking free text, by {@link ApiOperation#toString()}: how to make a call that
     * succeeds, so that the suite can check the text is stored and returned verbatim.
     */
    protected Map<String, Function<AbuseFixture, ValidCall>> validCalls() {
        return Map.of();
    }

    /** A call that succeeds: its path parameters and body. */
    public record ValidCall(Map<String, Object> pathValues, ObjectNode body) {
    }

    @TestFactory
    Stream<DynamicContainer> everyOperationRefusesAbuseAndChangesNothing() {
        AbuseFixture world = AbuseFixture.create(dataSource);
        List<ApiOperation> operations = OpenApiDocument.fetch().operations();
        assertFalse(operations.isEmpty(), "the OpenAPI document lists no operation under /api/");
        return operations.stream().map(operation -> dynamicContainer(operation.toString(),
                new Attacks(this, world, operation, endpointOf(operation)).all()));
    }

    @Test
    void everyLiveMessageTypeRefusesAbuseAndChangesNothing() {
        AbuseFixture world = AbuseFixture.create(dataSource);
        new LiveMessageAttacks(base, this, world).all(inbound.stream().map(LiveInbound::type).toList(),
                members(world), foreignRecords());
    }

    @Test
    void everyEndpointIsInTheOpenApiDocument() {
        List<String> published = OpenApiDocument.fetch().operations().stream().map(ApiOperation::toString).toList();
        endpoints.all().stream()
                .filter(endpoint -> endpoint.route().startsWith("/api/"))
                .forEach(endpoint -> assertTrue(published.contains(endpoint.label()),
                        endpoint.label() + " is not in the OpenAPI document, so the abuse suite cannot reach it"));
    }

    TestTokens tokensFor() {
        return tokens();
    }

    DataSource dataSource() {
        return dataSource;
    }

    URI base() {
        return base;
    }

    private Endpoint endpointOf(ApiOperation operation) {
        Optional<Endpoint> endpoint = endpoints.all().stream()
                .filter(candidate -> candidate.label().equals(operation.toString())).findFirst();
        assertTrue(endpoint.isPresent(), operation + " is published but no resource method serves it");
        return endpoint.get();
    }
}
