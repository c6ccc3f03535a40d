package com.garage.mobile.api.analytics;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A batch of up to 50 events (and at most 1 MB, the body limit). Each event is read on its own,
 * so one that is malformed is refused alone, never the batch.
 */
public record EventBatch(
        @NotNull @Size(max = EventBatch.MAX_EVENTS)
        @Schema(type = SchemaType.ARRAY, implementation = EventSubmission.class, maxItems = EventBatch.MAX_EVENTS)
        List<Object> events) {

    public static final int MAX_EVENTS = 50;
}
