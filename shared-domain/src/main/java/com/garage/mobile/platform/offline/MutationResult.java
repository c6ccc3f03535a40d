package com.garage.mobile.platform.offline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.garage.mobile.domain.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What became of one offline mutation. {@code applied}: {@code record} is the result and
 * {@code version} its new version. {@code conflict}: the change was based on an old version and
 * nothing changed; {@code record} is the server's current state. {@code rejected}: {@code problem}
 * says why, naming each bad field; {@code stepUp} says how to sign in again when that is why.
 */
// Stored as JSON and answered as a tree: not in a REST signature Quarkus registers for native.
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MutationResult(UUID clientMutationId, Kind result, String entity, String operation, UUID entityId,
        Long version, Object record, Problem problem, StepUpHint stepUp) {

    public enum Kind {
        APPLIED,
        CONFLICT,
        REJECTED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The sign-in the app must ask for before it sends the mutation again. */
    @RegisterForReflection
    public record StepUpHint(List<String> acrValues, long maxAge) {
    }
}
