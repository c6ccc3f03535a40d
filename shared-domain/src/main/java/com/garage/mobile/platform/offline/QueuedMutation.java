package com.garage.mobile.platform.offline;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One queued write as the app sends it. The entity and operation pick the payload's shape; an
 * operation this server does not know is rejected on its own, so it never blocks the rest.
 *
 * @param clientMutationId chosen by the app once, when the write was queued; sent again on every retry
 * @param baseVersion      the version of the entity the change was made on; absent for a create
 */
public record QueuedMutation(
        @NotNull UUID clientMutationId,
        @NotNull @Pattern(regexp = "[a-z][a-z-]{0,63}") String entity,
        @NotNull @Pattern(regexp = "[a-z][a-z-]{0,63}") String operation,
        @NotNull UUID entityId,
        @PositiveOrZero Long baseVersion,
        @Schema(type = SchemaType.OBJECT, implementation = Map.class,
                description = "The operation's fields; see docs/offline-writes.md")
        JsonNode payload)
        implements OfflineMutation {

    @Override
    public String entityName() {
        return entity;
    }

    @Override
    public String operationName() {
        return operation;
    }
}
