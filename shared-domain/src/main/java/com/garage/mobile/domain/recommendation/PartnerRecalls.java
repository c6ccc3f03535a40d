package com.garage.mobile.domain.recommendation;

import com.garage.mobile.domain.partner.recall.VehicleRecalls;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;

/**
 * The open recalls of a vehicle whose garage offers a recalls partner (an enabled {@code RECALLS}
 * row in its marketplace, docs/partners.md): the partner connector's cached answer, the last known
 * one while the partner is down. A garage without one gets none, and its vehicles are not looked up.
 * A recall found here tells the customer once, as when it is read on the programmes screen; the
 * recommendation's own push goes under the same key and so never repeats it.
 */
@ApplicationScoped
public class PartnerRecalls implements RecallSource {

    private static final String OFFERED = "select 1 from garage_partner where garage_id = $1 and kind = 'RECALLS'"
            + " and enabled";
    private static final int MAX_TITLE = 200;

    private final Pool pool;
    private final VehicleRecalls recalls;

    public PartnerRecalls(Pool pool, VehicleRecalls recalls) {
        this.pool = pool;
        this.recalls = recalls;
    }

    @Override
    public Uni<List<Recall>> openRecalls(VehicleRef vehicle) {
        return pool.preparedQuery(OFFERED).execute(Tuple.of(vehicle.garageId()))
                .chain(offered -> offered.size() == 0 ? Uni.createFrom().item(List.<Recall>of())
                        : recalls.ofGarageVehicle(vehicle.garageId(), vehicle.vehicleId())
                                .map(report -> report.recalls().stream()
                                        .map(found -> new Recall(found.recall().campaignNumber(),
                                                title(found.recall().component(), found.recall().campaignNumber()),
                                                Objects.requireNonNullElse(found.recall().remedy(),
                                                        "not published yet")))
                                        .toList()));
    }

    /** NHTSA names the part ("AIR BAGS:FRONTAL:DRIVER SIDE"); without one, the campaign names it. */
    static String title(String component, String campaign) {
        String subject = component == null || component.isBlank() ? "campaign " + campaign : component;
        String title = "Safety recall: " + subject;
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE);
    }
}
