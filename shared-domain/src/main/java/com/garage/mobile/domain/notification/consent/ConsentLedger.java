package com.garage.mobile.domain.notification.consent;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.PersonRef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads and appends a person's consent ledger; the current state is the latest record per category. */
@ApplicationScoped
public class ConsentLedger {

    /** Every record of the actor, oldest first. */
    public Uni<List<ConsentRecord>> history(Actor actor) {
        return ConsentRecord.list("garageId = ?1 and owner.personId = ?2 order by id", actor.garageId(),
                actor.personId());
    }

    /** The latest record per category; a category never decided on is absent, which means no consent. */
    public Uni<Map<NotificationCategory, ConsentRecord>> current(Actor actor) {
        return history(actor).map(records -> {
            Map<NotificationCategory, ConsentRecord> latest = new EnumMap<>(NotificationCategory.class);
            records.forEach(record -> latest.put(record.category, record));
            return latest;
        });
    }

    /** Appends a grant or withdrawal in the caller's transaction. */
    public Uni<ConsentRecord> append(Actor actor, NotificationCategory category, boolean granted,
            ConsentSource source, Instant at) {
        ConsentRecord record = new ConsentRecord();
        record.garageId = actor.garageId();
        record.owner = PersonRef.of(actor);
        record.category = category;
        record.granted = granted;
        record.sourceApp = source.app();
        record.sourceScreen = source.screen();
        record.policyVersion = source.policyVersion();
        record.deviceId = actor.origin().deviceId();
        record.requestId = actor.origin().requestId();
        record.recordedAt = at;
        return record.persist();
    }
}
