package com.garage.mobile.platform.sync;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.platform.sync.SyncTypes.ScopedType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.FlushMode;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Loads and shapes a sync page's upserts through their types, one type after another in one
 * reactive session (which takes no concurrent queries).
 */
@ApplicationScoped
public class SyncRecords {

    /** The shaped records of a page, by type and id; a record deleted since it was listed is absent. */
    public record Loaded(Map<String, Map<UUID, Object>> byType) {
        public Object get(SyncRef ref) {
            return byType.getOrDefault(ref.type(), Map.of()).get(ref.id());
        }
    }

    @WithSession
    public Uni<Loaded> load(Actor viewer, List<ScopedType> types, List<SyncRef> refs) {
        Map<String, Map<UUID, Object>> loaded = new HashMap<>();
        return Panache.getSession().invoke(SyncRecords::readOnly).chain(() -> Multi.createFrom().iterable(types)
                .onItem().transformToUniAndConcatenate(type -> shaped(viewer, type, ids(refs, type.name()))
                        .invoke(records -> loaded.put(type.name(), records)))
                .collect().last().replaceWith(() -> new Loaded(loaded)));
    }

    /**
     * A page only reads: no copy of each entity kept to compare, no dirty check of them all before each query.
     * {@code @WithSession} joins a session the request already has, so this holds because the page's records
     * are the last thing {@link SyncPages} reads; anything written after them needs a session of its own.
     */
    private static void readOnly(Mutiny.Session session) {
        session.setDefaultReadOnly(true);
        session.setFlushMode(FlushMode.MANUAL);
    }

    private static Uni<Map<UUID, Object>> shaped(Actor viewer, ScopedType type, List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(Map.of()) : type.type().records(viewer, ids);
    }

    private static List<UUID> ids(List<SyncRef> refs, String type) {
        return refs.stream().filter(r -> r.type().equals(type)).map(SyncRef::id).toList();
    }

    /** The rows of {@code entity} among these ids in the viewer's garage: what most types shape into records. */
    public static <T> Uni<List<T>> inGarage(Class<T> entity, Actor viewer, List<UUID> ids) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("from " + entity.getSimpleName()
                        + " where garageId = :garage and array_has(:ids, id)", entity)
                .setParameter("garage", viewer.garageId()).setParameter("ids", ids.toArray(UUID[]::new))
                .getResultList());
    }

    /** Shapes rows into a type's records by id: what {@link SyncableType#records} returns. */
    public static <T> Map<UUID, Object> byId(List<T> rows, Function<T, UUID> id, Function<T, ?> view) {
        return rows.stream().collect(Collectors.toMap(id, view));
    }
}
