package com.garage.mobile.platform.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.notification.AdvisoryLock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The record of a person's applied (and refused) offline mutations, by client mutation id. Every
 * method runs in the caller's transaction; {@link #hold} orders two deliveries of one mutation, so
 * the second waits for the first to commit and then finds its result.
 */
@ApplicationScoped
public class MutationLedger {

    private static final String FIRST = """
            select requestHash, result from RecordedMutation where personId = :person and clientMutationId = :id""";
    private static final String RECORD = """
            insert into sync_mutation (person_id, client_mutation_id, garage_id, actor_subject, device_id, entity,
                operation, entity_id, request_hash, outcome, result)
            values (:person, :id, :garage, :subject, :device, :entity, :operation, :entityId, :hash, :outcome,
                cast(cast(:result as text) as jsonb))
            on conflict do nothing""";

    /** A mutation's first delivery: what it was (as a hash) and what came of it. */
    public record Entry(String requestHash, JsonNode result) {
    }

    private final AdvisoryLock lock;
    private final ObjectMapper json;

    public MutationLedger(AdvisoryLock lock, ObjectMapper json) {
        this.lock = lock;
        this.json = json;
    }

    public Uni<Void> hold(Actor actor, UUID clientMutationId) {
        return lock.hold("sync-mutation:" + actor.personId() + ":" + clientMutationId);
    }

    /** The first delivery of this mutation id by this person, or null. */
    public Uni<Entry> first(Actor actor, UUID clientMutationId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(FIRST, Object[].class)
                .setParameter("person", actor.personId()).setParameter("id", clientMutationId)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : entry(rows));
    }

    public Uni<Void> record(Actor actor, String deviceId, OfflineMutation mutation, String requestHash,
            MutationResult.Kind outcome, JsonNode result) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter("person", actor.personId()).setParameter("id", mutation.clientMutationId())
                .setParameter("garage", actor.garageId()).setParameter("subject", actor.subject())
                .setParameter("device", deviceId).setParameter("entity", mutation.entityName())
                .setParameter("operation", mutation.operationName()).setParameter("entityId", mutation.entityId())
                .setParameter("hash", requestHash).setParameter("outcome", outcome.wireName())
                .setParameter("result", result.toString())
                .executeUpdate())
                .replaceWithVoid();
    }

    private Entry entry(List<Object[]> rows) {
        Object[] row = rows.get(0);
        try {
            return new Entry((String) row[0], json.readTree((String) row[1]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored mutation result is not JSON", e);
        }
    }
}
