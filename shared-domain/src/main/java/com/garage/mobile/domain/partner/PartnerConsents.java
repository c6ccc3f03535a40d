package com.garage.mobile.domain.partner;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;

/**
 * Records a customer's decision to share (or stop sharing) their data with one of the garage's
 * partners, with the exact terms and data list they were shown (their SHA-256 and list). A
 * decision equal to the one in force writes nothing, so a retry is harmless.
 */
@ApplicationScoped
public class PartnerConsents {

    public static final String ACTION = "partner.consent";
    private static final String INSERT = """
            insert into partner_consent (garage_id, customer_id, partner, granted, data_shared, terms_sha256, recorded_at)
            values ($1, $2, $3, $4, $5, $6, $7)""";

    private final Pool pool;
    private final PartnerCatalogue catalogue;
    private final AuditTrail audit;
    private final GarageClock clock;

    public PartnerConsents(Pool pool, PartnerCatalogue catalogue, AuditTrail audit, GarageClock clock) {
        this.pool = pool;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<GaragePartner> decide(Actor customer, String partner, boolean granted) {
        Instant now = clock.now();
        return pool.withTransaction(connection -> catalogue.one(connection, customer.garageId(), customer.personId(),
                        partner)
                .chain(offered -> Boolean.valueOf(granted).equals(offered.consented()) ? Uni.createFrom().voidItem()
                        : connection.preparedQuery(INSERT).execute(Tuple.tuple().addUUID(customer.garageId())
                                        .addUUID(customer.personId()).addString(partner).addBoolean(granted)
                                        .addArrayOfString(offered.dataShared().toArray(String[]::new))
                                        .addString(sha256(offered.terms()))
                                        .addOffsetDateTime(now.atOffset(ZoneOffset.UTC)))
                                .chain(() -> audit.record(connection, customer, ACTION, "partner", partner,
                                        AuditOutcome.SUCCESS, Map.of("granted", granted,
                                                "dataShared", offered.dataShared()), now)))
                .chain(() -> catalogue.one(connection, customer.garageId(), customer.personId(), partner)));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
