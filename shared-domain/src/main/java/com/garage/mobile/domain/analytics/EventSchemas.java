package com.garage.mobile.domain.analytics;

import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registered event schemas, read from {@code analytics_schema} and kept in the pod for a short
 * while ({@link AnalyticsConfig#schemaCacheFor()}), so that ingest costs no query for them.
 */
@ApplicationScoped
public class EventSchemas {

    static final String COLUMNS = "name, version, source, journey_key, properties";

    private final Pool pool;
    private final GarageClock clock;
    private final AnalyticsConfig config;
    private volatile Map<String, EventSchema> cached = Map.of();
    private volatile Instant readAt = Instant.EPOCH;

    public EventSchemas(Pool pool, GarageClock clock, AnalyticsConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
    }

    /** The active schemas by name. */
    public Uni<Map<String, EventSchema>> active() {
        if (readAt.plus(config.schemaCacheFor()).isAfter(clock.now())) {
            return Uni.createFrom().item(cached);
        }
        return pool.query("select " + COLUMNS + " from analytics_schema where active").execute().map(rows -> {
            Map<String, EventSchema> schemas = new HashMap<>();
            rows.forEach(row -> schemas.put(row.getString("name"), read(row)));
            cached = Map.copyOf(schemas);
            readAt = clock.now();
            return cached;
        });
    }

    /** Forgets the pod's copy, after an admin changed a schema. */
    public void forget() {
        readAt = Instant.EPOCH;
    }

    static EventSchema read(Row row) {
        Map<String, PropertySpec> properties = new LinkedHashMap<>();
        JsonObject specs = row.getJsonObject("properties");
        specs.fieldNames().forEach(name -> properties.put(name, spec(specs.getJsonObject(name))));
        return new EventSchema(row.getString("name"), row.getInteger("version"),
                EventSchema.EventSource.valueOf(row.getString("source").toUpperCase(Locale.ROOT)),
                row.getString("journey_key"), properties);
    }

    private static PropertySpec spec(JsonObject json) {
        JsonArray values = json.getJsonArray("values", new JsonArray());
        return new PropertySpec(PropertyType.of(json.getString("type")), json.getBoolean("required", false),
                values.stream().map(String::valueOf).toList(), json.getInteger("maxLength", 0));
    }

    /** Every schema, active or not, for admins. */
    public Uni<List<EventSchema>> all() {
        return pool.query("select " + COLUMNS + " from analytics_schema order by name").execute()
                .map(rows -> {
                    List<EventSchema> list = new ArrayList<>();
                    rows.forEach(row -> list.add(read(row)));
                    return list;
                });
    }
}
