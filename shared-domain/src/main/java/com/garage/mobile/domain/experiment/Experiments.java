package com.garage.mobile.domain.experiment;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads a garage's experiments and flags from {@code experiment}. */
@ApplicationScoped
public class Experiments {

    static final String COLUMNS = "id, garage_id, key, kind, unit, salt, variants, targeting, exposure_percent,"
            + " status, shipped_variant, goal_event, srm_flagged_at, version";

    private final Pool pool;

    public Experiments(Pool pool) {
        this.pool = pool;
    }

    /** Those that assign anything: running, or stopped with a shipped variant. */
    public Uni<List<Experiment>> serving(UUID garageId) {
        return pool.preparedQuery("select " + COLUMNS + " from experiment where garage_id = $1"
                        + " and (status = 'RUNNING' or shipped_variant is not null) order by key")
                .execute(Tuple.of(garageId)).map(Experiments::all);
    }

    public Uni<List<Experiment>> all(UUID garageId) {
        return pool.preparedQuery("select " + COLUMNS + " from experiment where garage_id = $1 order by key")
                .execute(Tuple.of(garageId)).map(Experiments::all);
    }

    public Uni<Optional<Experiment>> find(UUID garageId, UUID id) {
        return find(pool, garageId, id, "");
    }

    /** The experiment, locked for update in the client's transaction. */
    Uni<Optional<Experiment>> lock(SqlClient client, UUID garageId, UUID id) {
        return find(client, garageId, id, " for update");
    }

    private static Uni<Optional<Experiment>> find(SqlClient client, UUID garageId, UUID id, String lock) {
        return client.preparedQuery("select " + COLUMNS + " from experiment where garage_id = $1 and id = $2" + lock)
                .execute(Tuple.of(garageId, id))
                .map(rows -> all(rows).stream().findFirst());
    }

    static List<Experiment> all(RowSet<Row> rows) {
        List<Experiment> experiments = new ArrayList<>();
        rows.forEach(row -> experiments.add(read(row)));
        return experiments;
    }

    static Experiment read(Row row) {
        List<Variant> variants = new ArrayList<>();
        JsonArray arms = row.getJsonArray("variants");
        for (int i = 0; i < arms.size(); i++) {
            JsonObject arm = arms.getJsonObject(i);
            variants.add(new Variant(arm.getString("name"), arm.getInteger("weight")));
        }
        OffsetDateTime flagged = row.getOffsetDateTime("srm_flagged_at");
        return new Experiment(row.getUUID("id"), row.getUUID("garage_id"), row.getString("key"),
                Experiment.Kind.valueOf(row.getString("kind")), Experiment.Unit.valueOf(row.getString("unit")),
                row.getString("salt"), variants, targeting(row.getJsonObject("targeting")),
                row.getInteger("exposure_percent"), Experiment.Status.valueOf(row.getString("status")),
                row.getString("shipped_variant"), row.getString("goal_event"),
                flagged != null ? flagged.toInstant() : null, row.getLong("version"));
    }

    private static Targeting targeting(JsonObject json) {
        return new Targeting(strings(json, "garages").stream().map(UUID::fromString).toList(), strings(json, "apps"),
                strings(json, "platforms"), json.getString("minVersion"), json.getString("maxVersion"),
                strings(json, "rings"));
    }

    private static List<String> strings(JsonObject json, String key) {
        JsonArray array = json.getJsonArray(key, new JsonArray());
        return array.stream().map(String::valueOf).toList();
    }

    static JsonObject json(Targeting targeting) {
        return new JsonObject().put("garages", new JsonArray(targeting.garages().stream().map(UUID::toString).toList()))
                .put("apps", new JsonArray(targeting.apps())).put("platforms", new JsonArray(targeting.platforms()))
                .put("minVersion", targeting.minVersion()).put("maxVersion", targeting.maxVersion())
                .put("rings", new JsonArray(targeting.rings()));
    }

    static JsonArray json(List<Variant> variants) {
        JsonArray array = new JsonArray();
        variants.forEach(variant -> array.add(new JsonObject().put("name", variant.name()).put("weight", variant.weight())));
        return array;
    }
}
