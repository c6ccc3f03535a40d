package com.garage.mobile.platform.identity;

import com.garage.mobile.domain.access.ActorRole;
import io.quarkus.security.StringPermission;
import io.smallrye.mutiny.Uni;
import java.security.Permission;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The capabilities of each role as one permission check built once, shared by every identity of
 * that role. Permissions added to each identity would be that identity's own objects, held for as
 * long as a live socket stays open (about 5 KB a customer connection).
 */
public final class RoleCapabilities {

    private static final Uni<Boolean> GRANTED = Uni.createFrom().item(Boolean.TRUE);
    private static final Uni<Boolean> DENIED = Uni.createFrom().item(Boolean.FALSE);
    private static final Map<ActorRole, Function<Permission, Uni<Boolean>>> CHECKS = new EnumMap<>(ActorRole.class);

    static {
        for (ActorRole role : ActorRole.values()) {
            List<StringPermission> held = role.capabilities().stream().map(RoleCapabilities::permission).toList();
            CHECKS.put(role, required -> held.stream().anyMatch(one -> one.implies(required)) ? GRANTED : DENIED);
        }
    }

    private RoleCapabilities() {
    }

    /** Whether the role's capabilities imply a required permission. */
    static Function<Permission, Uni<Boolean>> checkOf(ActorRole role) {
        return CHECKS.get(role);
    }

    /** A capability as {@code @PermissionsAllowed} reads it: {@code name:action}. */
    public static StringPermission permission(String capability) {
        int colon = capability.indexOf(':');
        return colon < 0 ? new StringPermission(capability)
                : new StringPermission(capability.substring(0, colon), capability.substring(colon + 1));
    }
}
