package com.garage.mobile.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.platform.sync.SyncChecksum;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * An app's offline copy, kept by {@code GET /api/v1/sync} as docs/sync.md tells an app to: upserts
 * replace records whole, tombstones drop them, and the checksum is compared with the local copy.
 */
public final class SyncReplica {

    private final String token;
    /** "type:id" to the record as last received. */
    public final Map<String, Map<String, Object>> records = new LinkedHashMap<>();
    public final Map<String, Long> revs = new LinkedHashMap<>();
    /** What the last catch-up received, in order. */
    public final List<String> upserted = new ArrayList<>();
    public final List<String> tombstoned = new ArrayList<>();
    public String cursor;
    public int pages;
    public Map<String, Object> checksum;

    public SyncReplica(String token) {
        this.token = token;
    }

    public static String key(String type, UUID id) {
        return type + ":" + id;
    }

    /** Pages until {@code hasMore} is false. */
    public SyncReplica catchUp(int limit) {
        upserted.clear();
        tombstoned.clear();
        for (int page = 0; page < 10_000; page++) {
            if (!apply(request(cursor, limit).then().statusCode(200).extract().jsonPath())) {
                return this;
            }
        }
        throw new AssertionError("sync never ended");
    }

    /** Catches up again until {@code done} holds (changes are delivered once older transactions end). */
    public SyncReplica catchUpUntil(int limit, Predicate<SyncReplica> done) {
        List<String> seenUpserts = new ArrayList<>();
        List<String> seenTombstones = new ArrayList<>();
        Awaitility.await("the expected change to reach the replica").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    catchUp(limit);
                    seenUpserts.addAll(upserted);
                    seenTombstones.addAll(tombstoned);
                    upserted.clear();
                    upserted.addAll(seenUpserts);
                    tombstoned.clear();
                    tombstoned.addAll(seenTombstones);
                    return done.test(this);
                });
        return this;
    }

    public Response request(String from, int limit) {
        var request = given().auth().oauth2(token).queryParam("limit", limit);
        if (from != null) {
            request.queryParam("cursor", from);
        }
        return request.when().get("/api/v1/sync");
    }

    @SuppressWarnings("unchecked")
    private boolean apply(JsonPath page) {
        pages++;
        for (Map<String, Object> upsert : page.<Map<String, Object>>getList("upserts")) {
            String key = key((String) upsert.get("type"), UUID.fromString((String) upsert.get("id")));
            records.put(key, (Map<String, Object>) upsert.get("record"));
            revs.put(key, ((Number) upsert.get("rev")).longValue());
            upserted.add(key);
        }
        for (Map<String, Object> tombstone : page.<Map<String, Object>>getList("tombstones")) {
            String key = key((String) tombstone.get("type"), UUID.fromString((String) tombstone.get("id")));
            records.remove(key);
            revs.remove(key);
            tombstoned.add(key);
        }
        cursor = page.getString("cursor");
        checksum = page.getMap("checksum");
        return page.getBoolean("hasMore");
    }

    /** The checksum over the local copy, computed as docs/sync.md describes. */
    public String localHash() {
        long xor = 0;
        for (Map.Entry<String, Long> entry : revs.entrySet()) {
            String[] parts = entry.getKey().split(":");
            xor ^= SyncChecksum.item(parts[0], parts[1], entry.getValue());
        }
        return HexFormat.of().toHexDigits(xor);
    }

    /** The last page's checksum equals the one computed over the local copy. */
    public void assertChecksumMatches() {
        assertEquals(((Number) checksum.get("count")).longValue(), (long) revs.size(), "checksum count");
        assertEquals(checksum.get("hash"), localHash(), "checksum hash");
    }
}
