package com.garage.mobile.domain.audit;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The insert of an audit entry, for a statement that writes it beside its own rows in one round trip (the entry
 * arrives pending; {@link AuditSequencer} chains it after commit): as a CTE with named parameters for a Hibernate
 * native query, or with positional ones for the SQL client. A text parameter cast to jsonb directly is bound by both
 * as a JSON string, so the detail travels as text and is cast through it.
 */
public final class AuditInsert {

    private static final String INSERT = """
            insert into audit_entry (garage_id, actor_subject, actor_role, channel, device_id, client_ip,
                request_id, action, resource_type, resource_id, outcome, detail, occurred_at)
            select cast(%s as uuid), cast(%s as text), cast(%s as text), cast(%s as text), cast(%s as text),
                cast(%s as text), cast(%s as text), cast(%s as text), cast(%s as text), cast(%s as text),
                cast(%s as text), cast(cast(%s as text) as jsonb), cast(%s as timestamptz)""";

    private static final int PARAMETERS = 13;

    /** The CTE, named {@code audit}, to place among a {@code with}'s; its parameters are named {@code audit0…}. */
    public static final String CTE = "audit as (%s)".formatted(insert(index -> ":audit" + index));

    /** The insert alone, its parameters {@code $1…$13}. */
    public static final String STATEMENT = insert(index -> "$" + (index + 1));

    private AuditInsert() {
    }

    /**
     * The CTE, named {@code audit}, its parameters numbered from {@code first}, for the SQL client; it inserts only
     * {@code where} the condition holds (a {@code where} clause without the keyword, such as another CTE having a row).
     */
    public static String cte(int first, String condition) {
        return "audit as (%s where %s)".formatted(insert(index -> "$" + (first + index)), condition);
    }

    /** Binds the entry to the named CTE's parameters of the query. */
    public static void bind(Mutiny.AbstractQuery query, AuditEntry entry) {
        List<Object> values = values(entry);
        for (int index = 0; index < PARAMETERS; index++) {
            query.setParameter("audit" + index, values.get(index));
        }
    }

    /** Adds the entry's values to the tuple, in the order of {@link #cte(int, String)}'s and {@link #STATEMENT}'s. */
    public static Tuple addTo(Tuple tuple, AuditEntry entry) {
        values(entry).forEach(tuple::addValue);
        return tuple;
    }

    private static List<Object> values(AuditEntry entry) {
        return Arrays.asList(entry.garageId, entry.actorSubject, entry.actorRole, entry.channel, entry.deviceId,
                entry.clientIp, entry.requestId, entry.action, entry.resourceType, entry.resourceId,
                entry.outcome.name(), entry.detail != null ? new JsonObject(entry.detail).encode() : null,
                entry.occurredAt.atOffset(ZoneOffset.UTC));
    }

    private static String insert(IntFunction<String> parameter) {
        return INSERT.formatted(IntStream.range(0, PARAMETERS).mapToObj(parameter).toArray());
    }
}
