package com.garage.mobile.domain.partner;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The partners a garage offers its customers (enabled ones only), with a customer's consent to each. */
@ApplicationScoped
public class PartnerCatalogue {

    private static final String OFFERED = """
            select p.partner, p.kind, p.display_name, p.terms, p.data_shared, c.granted, c.recorded_at
            from garage_partner p
            left join lateral (select granted, recorded_at from partner_consent c
                               where c.customer_id = $2 and c.partner = p.partner and c.garage_id = p.garage_id
                               order by c.id desc limit 1) c on true
            where p.garage_id = $1 and p.enabled and ($3::text is null or p.partner = $3)
              and ($4::text is null or p.kind = $4)
            order by p.kind, p.partner""";

    private final Pool pool;

    public PartnerCatalogue(Pool pool) {
        this.pool = pool;
    }

    /** Every enabled partner of the actor's garage, with the actor's consent if a customer. */
    public Uni<List<GaragePartner>> offered(Actor actor) {
        return find(pool, actor.garageId(), actor.isCustomer() ? actor.personId() : null, null, null);
    }

    /** One enabled partner of the garage, as the customer sees it; 404 when the garage does not offer it. */
    public Uni<GaragePartner> one(SqlClient client, UUID garageId, UUID customerId, String partner) {
        return find(client, garageId, customerId, partner, null).map(found -> found.stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("partner")));
    }

    /** The garage's enabled partner of a kind; 404 when it offers none. */
    public Uni<GaragePartner> ofKind(SqlClient client, UUID garageId, UUID customerId, PartnerKind kind) {
        return find(client, garageId, customerId, null, kind).map(found -> found.stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound(kind.name().toLowerCase() + " partner")));
    }

    private static Uni<List<GaragePartner>> find(SqlClient client, UUID garageId, UUID customerId, String partner,
            PartnerKind kind) {
        return client.preparedQuery(OFFERED).execute(Tuple.of(garageId, customerId, partner,
                        kind != null ? kind.name() : null))
                .map(rows -> {
                    List<GaragePartner> partners = new ArrayList<>();
                    rows.forEach(row -> partners.add(of(row)));
                    return partners;
                });
    }

    private static GaragePartner of(Row row) {
        return new GaragePartner(row.getString("partner"), PartnerKind.valueOf(row.getString("kind")),
                row.getString("display_name"), row.getString("terms"),
                Arrays.asList(row.getArrayOfStrings("data_shared")), row.getBoolean("granted"),
                row.getOffsetDateTime("recorded_at") != null ? row.getOffsetDateTime("recorded_at").toInstant() : null);
    }
}
