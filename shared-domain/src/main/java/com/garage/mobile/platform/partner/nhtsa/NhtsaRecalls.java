package com.garage.mobile.platform.partner.nhtsa;

import com.garage.mobile.domain.partner.recall.Recall;
import com.garage.mobile.domain.partner.recall.RecallAnswer;
import com.garage.mobile.domain.partner.recall.RecallSource;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.partner.PartnerAnswerRefused;
import com.garage.mobile.platform.partner.PartnerConnectorConfig;
import com.garage.mobile.platform.problem.LoggedFailure;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Recalls from NHTSA's recalls API ({@code GET /recalls/recallsByVehicle?make=&model=&modelYear=},
 * answering {@code {"Count", "Message", "results": [{"NHTSACampaignNumber", "Component", "Summary",
 * "Consequence", "Remedy", …}]}}), cached per make, model and year for {@code cache-for} (a day) in
 * {@code recall_cache}. A failure is never cached: the last known answer is served with its age and
 * marked delayed, or none.
 */
@ApplicationScoped
public class NhtsaRecalls implements RecallSource {

    private static final Logger LOG = Logger.getLogger(NhtsaRecalls.class);
    private static final String CACHED = "select fetched_at, recalls from recall_cache where make = $1 and model = $2"
            + " and model_year = $3";
    private static final String STORE = """
            insert into recall_cache (make, model, model_year, fetched_at, recalls) values ($1, $2, $3, $4, $5)
            on conflict (make, model, model_year) do update set fetched_at = excluded.fetched_at, recalls = excluded.recalls""";

    private final NhtsaApi api;
    private final Pool pool;
    private final PartnerConnectorConfig config;
    private final GarageClock clock;

    public NhtsaRecalls(NhtsaApi api, Pool pool, PartnerConnectorConfig config, GarageClock clock) {
        this.api = api;
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Uni<RecallAnswer> recalls(String make, String model, int modelYear) {
        String mk = make.toUpperCase(Locale.ROOT);
        String md = model.toUpperCase(Locale.ROOT);
        Instant now = clock.now();
        return pool.preparedQuery(CACHED).execute(Tuple.of(mk, md, (short) modelYear))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next())
                .chain(cached -> cached != null && fetchedAt(cached).isAfter(now.minus(config.recalls().cacheFor()))
                        ? Uni.createFrom().item(answer(cached, false))
                        : fetch(mk, md, modelYear, now)
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.warnf("NHTSA recalls for a %d vehicle not fetched: %s", modelYear,
                                            LoggedFailure.describe(failure));
                                    return cached != null ? answer(cached, true) : new RecallAnswer(List.of(), null, true);
                                }));
    }

    private Uni<RecallAnswer> fetch(String make, String model, int modelYear, Instant now) {
        return api.recallsByVehicle(make, model, modelYear)
                .map(NhtsaRecalls::read)
                .call(recalls -> pool.preparedQuery(STORE).execute(Tuple.of(make, model, (short) modelYear,
                        now.atOffset(ZoneOffset.UTC), toJson(recalls))))
                .map(recalls -> new RecallAnswer(recalls, now, false));
    }

    /** The recalls of an answer; an answer without its {@code results} array is garbage and refused. */
    static List<Recall> read(JsonObject answer) {
        if (!(answer.getValue("results") instanceof JsonArray results)) {
            throw new PartnerAnswerRefused(NhtsaApi.RECALLS, "a recalls answer without results", true);
        }
        List<Recall> recalls = new ArrayList<>();
        for (Object item : results) {
            if (!(item instanceof JsonObject r) || !(r.getValue("NHTSACampaignNumber") instanceof String campaign)) {
                throw new PartnerAnswerRefused(NhtsaApi.RECALLS, "a recall without its campaign number", true);
            }
            recalls.add(new Recall(campaign, r.getString("Manufacturer"), r.getString("Component"),
                    r.getString("Summary"), r.getString("Consequence"), r.getString("Remedy"),
                    r.getString("ReportReceivedDate"), Boolean.TRUE.equals(r.getValue("parkIt"))));
        }
        return recalls;
    }

    private static JsonArray toJson(List<Recall> recalls) {
        JsonArray array = new JsonArray();
        recalls.forEach(recall -> array.add(JsonObject.mapFrom(recall)));
        return array;
    }

    private static RecallAnswer answer(Row cached, boolean delayed) {
        JsonArray stored = (JsonArray) cached.getValue("recalls");
        List<Recall> recalls = new ArrayList<>();
        stored.forEach(item -> recalls.add(((JsonObject) item).mapTo(Recall.class)));
        return new RecallAnswer(recalls, fetchedAt(cached), delayed);
    }

    private static Instant fetchedAt(Row cached) {
        return cached.getOffsetDateTime("fetched_at").toInstant();
    }
}
