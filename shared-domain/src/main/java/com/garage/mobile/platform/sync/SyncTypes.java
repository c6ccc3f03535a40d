package com.garage.mobile.platform.sync;

import com.garage.mobile.domain.access.AccessConfig;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.platform.sync.SyncableType.Declaration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The syncable types discovered for this app ({@code garage.access.audience}), in snapshot order. */
@ApplicationScoped
public class SyncTypes {

    // Names go into SQL text and into sync_change.entity_type; the migration checks the same form.
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final List<SyncableType> types;

    SyncTypes(Instance<SyncableType> discovered, AccessConfig access) {
        this.types = discovered.stream().filter(type -> type.declaration().app() == access.audience())
                .sorted(Comparator.comparing(SyncableType::declaration, Comparator.comparingInt(Declaration::position)
                        .thenComparing(Declaration::name))).toList();
        Set<String> names = new HashSet<>();
        Set<Integer> positions = new HashSet<>();
        types.forEach(type -> {
            String name = type.declaration().name();
            if (!NAME.matcher(name).matches() || !names.add(name)) {
                throw new IllegalStateException("Syncable type names must be unique and match " + NAME + ": "
                        + name + " (" + type.getClass().getName() + ")");
            }
            // Snapshot cursors count types in position order: two types at one position could swap places.
            if (!positions.add(type.declaration().position())) {
                throw new IllegalStateException("Two syncable types of one app share position "
                        + type.declaration().position() + ": " + name + " (" + type.getClass().getName() + ")");
            }
        });
    }

    /** One type of a caller's copy with the caller's share of it. */
    public record ScopedType(SyncableType type, SyncScope scope) {
        public String name() {
            return type.declaration().name();
        }
    }

    /** The types the actor's copy holds, in snapshot order. */
    public List<ScopedType> of(Actor actor) {
        return types.stream().flatMap(type -> type.scope(actor).map(scope -> new ScopedType(type, scope)).stream())
                .toList();
    }
}
