package com.garage.mobile.customer.live;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.job.JobAssignmentService;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Workshop;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The limits that protect a pod, made small enough to reach in a test. */
@QuarkusTest
@TestProfile(LiveLimitsTest.SmallLimits.class)
@WithTestResource(OidcWiremockTestResource.class)
class LiveLimitsTest {

    /** Pings every 300 ms, a connection silent for 2 s is dead, at most 2 events are replayed. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.websockets-next.server.auto-ping-interval", "300ms",
                    "garage.live.heartbeat-timeout", "2s", "garage.live.heartbeat-check", "250ms",
                    "garage.live.replay-limit", "2");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    JobStatusService statuses;

    @Inject
    JobAssignmentService assignments;

    Workshop workshop;
    Person alice;
    Person carl;
    UUID carlsJob;

    @BeforeEach
    void createGarage() {
        workshop = new Workshop(statuses, assignments);
        GarageFixture garage = GarageFixture.create(dataSource);
        alice = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        carlsJob = garage.job(carl, garage.vehicle(carl)).create();
    }

    @Test
    void connectionThatStopsAnsweringPingsIsClosedWhileOneThatAnswersStays() throws IOException {
        try (LiveClient answering = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(carl), null);
                Socket silent = new Socket(base.getHost(), base.getPort())) {
            answering.await("caught-up");
            handshake(silent, TOKENS.of(carl));

            assertEquals(4408, closeCodeFrom(new DataInputStream(silent.getInputStream())));
            assertTrue(answering.connection().isOpen(), "a client that answers pings is kept");
        }
    }

    @Test
    void clientThatMissedMoreThanTheReplayLimitIsToldToResync() {
        LiveClient before = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(carl), null);
        before.await("caught-up");
        workshop.change(alice, carlsJob, JobStatus.IN_PROGRESS);
        long lastSeen = before.awaitEvents(1).get(0).getLong("eventId");
        before.close();
        workshop.change(alice, carlsJob, JobStatus.AWAITING_PARTS);
        workshop.change(alice, carlsJob, JobStatus.IN_PROGRESS);
        workshop.change(alice, carlsJob, JobStatus.AWAITING_PARTS);

        try (LiveClient after = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(carl), lastSeen)) {
            assertEquals("too-many-missed", after.await("resync").getString("reason"));
            assertEquals(0, after.await("caught-up").getInteger("replayed"));
            assertEquals(0, after.events().size());
        }
    }

    /** Opens a WebSocket by hand, so that nothing answers the server's pings. */
    private void handshake(Socket socket, String token) throws IOException {
        socket.setSoTimeout(30_000);
        String key = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 16).getBytes());
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + LiveClient.PATH + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + key + "\r\nAuthorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) socket.getInputStream().read());
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
    }

    /** Reads server frames (messages, pings) until the close frame, and returns its code. */
    private static int closeCodeFrom(DataInputStream in) throws IOException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0F;
            long length = in.readUnsignedByte() & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = in.readNBytes((int) length);
            if (opcode == 0x8) {
                return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
            }
        }
    }
}
