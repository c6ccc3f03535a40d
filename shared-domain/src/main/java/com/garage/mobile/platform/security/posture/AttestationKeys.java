package com.garage.mobile.platform.security.posture;

import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.problem.LoggedFailure;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * The keys attestations are signed with: an inline key set, or one read from a location and read
 * again when it is old or names no key an attestation was signed with. A location that cannot be
 * read leaves the keys last read in use.
 */
@ApplicationScoped
public class AttestationKeys {

    private static final Logger LOG = Logger.getLogger(AttestationKeys.class);
    private static final long READ_TIMEOUT_MS = 5_000;

    private final PostureConfig.Keys config;
    private final Vertx vertx;
    private final List<JsonWebKey> inline;
    private final GarageClock clock;
    private final AtomicReference<Uni<List<JsonWebKey>>> reading = new AtomicReference<>();
    private volatile List<JsonWebKey> read = List.of();
    private volatile Instant readAt = Instant.EPOCH;
    private volatile Instant triedAt = Instant.EPOCH;
    private WebClient web;

    public AttestationKeys(PostureConfig config, Vertx vertx, GarageClock clock) {
        this.clock = clock;
        this.config = config.keys();
        this.vertx = vertx;
        this.inline = config.keys().jwks().map(AttestationKeys::parse).orElse(null);
        if (config.mode() != PostureMode.OFF && inline == null && config.keys().location().isEmpty()) {
            throw new IllegalStateException("Set garage.posture.keys.jwks or garage.posture.keys.location,"
                    + " or turn device posture off with garage.posture.mode=OFF");
        }
    }

    /** Checks the configuration and reads the keys once at start, so that the first request need not wait. */
    void start(@Observes StartupEvent startup) {
        if (inline == null && config.location().isPresent()) {
            reread().subscribe().with(keys -> { }, e -> { });
        }
    }

    /** The keys to verify with now. */
    public Uni<List<JsonWebKey>> current() {
        Instant now = clock.now();
        if (inline != null) {
            return Uni.createFrom().item(inline);
        }
        boolean fresh = !read.isEmpty() && readAt.plus(config.refreshInterval()).isAfter(now);
        return fresh || pausing(now) ? available() : reread();
    }

    /** The keys after an attestation named a key we do not hold: read again unless just read. */
    public Uni<List<JsonWebKey>> afterUnknownKey() {
        return inline != null || pausing(clock.now()) ? current() : reread();
    }

    private boolean pausing(Instant now) {
        return triedAt.plus(config.minRefreshPause()).isAfter(now);
    }

    private Uni<List<JsonWebKey>> available() {
        if (read.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.UNAVAILABLE,
                    "Device attestations cannot be checked right now. Try again in a minute."));
        }
        return Uni.createFrom().item(read);
    }

    /** Reads the location once for all concurrent callers. */
    private Uni<List<JsonWebKey>> reread() {
        Uni<List<JsonWebKey>> running = reading.get();
        if (running != null) {
            return running;
        }
        Uni<List<JsonWebKey>> attempt = readLocation()
                .map(AttestationKeys::parse)
                .invoke(keys -> {
                    read = keys;
                    readAt = clock.now();
                })
                .onFailure().invoke(e -> LOG.warnf("Attestation keys could not be read from %s (%s); keeping %d key(s)",
                        config.location().orElseThrow(), LoggedFailure.describe(e), read.size()))
                .onFailure().recoverWithItem(() -> read)
                .eventually(() -> {
                    triedAt = clock.now();
                    reading.set(null);
                })
                .chain(this::available)
                .memoize().indefinitely();
        return reading.compareAndSet(null, attempt) ? attempt : current();
    }

    private Uni<String> readLocation() {
        URI location = config.location().orElseThrow();
        if ("file".equals(location.getScheme())) {
            return vertx.fileSystem().readFile(Path.of(location).toString()).map(Buffer::toString);
        }
        return client().getAbs(location.toString()).timeout(READ_TIMEOUT_MS).send().map(AttestationKeys::body);
    }

    private synchronized WebClient client() {
        if (web == null) {
            web = WebClient.create(vertx);
        }
        return web;
    }

    @PreDestroy
    synchronized void close() {
        if (web != null) {
            web.close();
        }
    }

    private static String body(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return response.bodyAsString();
    }

    private static List<JsonWebKey> parse(String json) {
        try {
            return List.copyOf(new JsonWebKeySet(json).getJsonWebKeys());
        } catch (JoseException e) {
            throw new IllegalArgumentException("Not a JSON Web Key Set: " + e.getMessage(), e);
        }
    }
}
