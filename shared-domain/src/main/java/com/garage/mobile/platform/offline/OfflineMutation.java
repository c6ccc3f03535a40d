package com.garage.mobile.platform.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** One queued write of an app, as each app's batch carries it. */
public interface OfflineMutation {

    UUID clientMutationId();

    /** The entity's wire name, such as {@code job-step}. */
    String entityName();

    /** The operation's wire name, such as {@code set-status}. */
    String operationName();

    UUID entityId();

    /** The entity version the change was made on; absent for a create. */
    Long baseVersion();

    JsonNode payload();
}
