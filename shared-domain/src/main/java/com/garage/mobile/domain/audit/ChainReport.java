package com.garage.mobile.domain.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * The result of verifying a garage's audit chain. Keep {@code lastEntryId} and {@code lastHash}
 * somewhere the database's administrators cannot write: a later report whose chain no longer
 * holds that hash at that entry shows the whole tail was rewritten.
 *
 * @param entries the entries chained so far, all of which were verified
 * @param pendingEntries entries committed but not chained yet: a later report verifies them
 * @param firstBreak absent when the chain is intact
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainReport(UUID garageId, long entries, long pendingEntries, boolean intact, Long lastEntryId,
        String lastHash, ChainBreak firstBreak, Instant verifiedAt) {
}
