package com.garage.mobile.platform.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One result per mutation, in the batch's order; each shaped as {@link MutationResult}. */
public record BatchResults(List<JsonNode> results) {
}
