package com.garage.mobile.domain.idempotency;

import com.fasterxml.jackson.databind.JsonNode;

/** The answer to a creating request, as first given and as given again to a replay of its key. */
public record IdempotentResponse(int status, JsonNode body) {
}
