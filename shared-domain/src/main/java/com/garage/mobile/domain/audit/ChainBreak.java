package com.garage.mobile.domain.audit;

/**
 * Where a garage's audit chain first stops proving itself, and how.
 *
 * @param entryId the first entry whose place in the chain no longer checks out
 */
public record ChainBreak(long entryId, Kind kind, String explanation) {

    /** What was done to the trail, as far as the chain can tell. */
    public enum Kind {
        /** An entry's content no longer matches its hash. */
        EDITED,
        /** The entry an entry is chained to is gone (or was rewritten with a recomputed hash). */
        DELETED,
        /** An entry is chained to another entry than the one before it: entries were moved or inserted. */
        REORDERED,
        /** The newest entries are gone: the chain head records a later entry than the trail holds. */
        TRUNCATED
    }
}
