package com.garage.mobile.domain.audit;

import com.garage.mobile.domain.audit.ChainBreak.Kind;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Verifies a garage's hash chain in the database, in one statement (one snapshot, so entries written meanwhile
 * cannot look like damage): in the order of their positions, every chained entry must match its hash and be
 * chained to the entry before it, and the last must be the one the chain head recorded. Entries the sequencer has
 * not chained yet are counted as pending; {@link AuditSequencer#chain} before verifying leaves only those that
 * committed since.
 */
@ApplicationScoped
public class AuditChainVerifier {

    private static final String VERIFY = """
            with chain as (
                select a.id, a.chain_position, a.prev_hash, a.hash, a.hash = audit_entry_hash(a) as intact,
                       lag(a.id) over (order by a.chain_position) as previous_id,
                       coalesce(lag(a.hash) over (order by a.chain_position), 'genesis') as expected_prev
                from audit_entry a where a.garage_id = $1 and a.chain_position is not null),
            first_break as (
                select c.id, c.intact, c.prev_hash = c.expected_prev as linked, c.prev_hash = 'genesis' as claims_first,
                       c.previous_id,
                       (select b.id from audit_entry b where b.garage_id = $1 and b.hash = c.prev_hash) as chained_to
                from chain c where not c.intact or c.prev_hash <> c.expected_prev
                order by c.chain_position limit 1),
            last_entry as (select id, chain_position, hash from chain order by chain_position desc limit 1)
            select (select count(*) from chain) as entries,
                   (select count(*) from audit_entry p where p.garage_id = $1 and p.chain_position is null) as pending,
                   b.id as break_id, b.intact, b.linked, b.claims_first, b.previous_id, b.chained_to,
                   l.id as last_id, l.chain_position as last_position, l.hash as last_hash,
                   h.last_entry_id as head_id, h.last_position as head_position, h.last_hash as head_hash
            from (select 1) as one
            left join first_break b on true
            left join last_entry l on true
            left join audit_chain_head h on h.garage_id = $1""";

    private final Pool pool;

    private final GarageClock clock;

    public AuditChainVerifier(Pool pool, GarageClock clock) {
        this.clock = clock;
        this.pool = pool;
    }

    public Uni<ChainReport> verify(UUID garageId) {
        return pool.preparedQuery(VERIFY).execute(Tuple.of(garageId))
                .map(rows -> report(garageId, rows.iterator().next()));
    }

    private ChainReport report(UUID garageId, Row row) {
        ChainBreak firstBreak = row.getLong("break_id") != null ? entryBreak(row) : headBreak(row);
        return new ChainReport(garageId, row.getLong("entries"), row.getLong("pending"), firstBreak == null,
                row.getLong("last_id"), row.getString("last_hash"), firstBreak, clock.now());
    }

    private static ChainBreak entryBreak(Row row) {
        long id = row.getLong("break_id");
        Long previous = row.getLong("previous_id");
        Long chainedTo = row.getLong("chained_to");
        if (row.getBoolean("linked")) {
            return new ChainBreak(id, Kind.EDITED, "Entry %d no longer matches its hash: it was edited.".formatted(id));
        }
        if (chainedTo != null || row.getBoolean("claims_first")) {
            String claimed = chainedTo != null ? "entry " + chainedTo : "the start of the trail";
            return new ChainBreak(id, Kind.REORDERED, ("Entry %d is chained to %s, but entry %d stands before it:"
                    + " entries were moved or inserted.").formatted(id, claimed, previous));
        }
        return new ChainBreak(id, Kind.DELETED, ("The entry that entry %d is chained to is missing: it was deleted,"
                + " or rewritten with a recomputed hash.").formatted(id));
    }

    private static ChainBreak headBreak(Row row) {
        Long head = row.getLong("head_position");
        Long lastId = row.getLong("last_id");
        long last = lastId == null ? 0 : row.getLong("last_position");
        if (head == null) {
            return lastId == null ? null : new ChainBreak(lastId, Kind.EDITED,
                    "The chain head is missing although the trail holds entries.");
        }
        if (head > last) {
            long headId = row.getLong("head_id");
            return new ChainBreak(headId, Kind.TRUNCATED, ("The chain head records entry %d as the last, but the"
                    + " trail ends %s: the newest entries were deleted.").formatted(headId,
                    lastId == null ? "before it starts" : "at entry " + lastId));
        }
        if (lastId != null && (head < last || !lastId.equals(row.getLong("head_id"))
                || !row.getString("head_hash").equals(row.getString("last_hash")))) {
            return new ChainBreak(lastId, Kind.EDITED, ("Entry %d does not match what the chain head recorded: it was"
                    + " rewritten or added around the chain.").formatted(lastId));
        }
        return null;
    }
}
