package com.garage.mobile.testing.abuse;

import com.garage.mobile.testing.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A fingerprint of two garages' rows in every table that holds a garage's data, found in the
 * schema, so a table added tomorrow is covered too. The audit trail is left out: refusals are
 * audited, so it grows; its entries are checked to hold no success instead. So is the mark a decision
 * pass puts on the events it decided ({@link #KEPT_COLUMNS}): a pass decides an earlier success's event
 * up to {@code garage.notifications.decision.gather} after it arrives, which can fall between the two
 * reads around an attack.
 *
 * <p>The suite reads it after every attack, late in a run whose other tests have filled the tables,
 * so a table without an index led by {@code garage_id} gets one in the test database: the product
 * does not look rows up by garage alone there, and a scan of every test's rows per read made the
 * suite the slowest of the run.
 */
record TenantChecksum(Map<String, String> tables, long successes) {

    private static final String TENANT_TABLES = """
            select c.relname as table_name from pg_class c
            join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
            join pg_attribute a on a.attrelid = c.oid and a.attname = 'garage_id' and not a.attisdropped
            where c.relkind in ('r', 'p') and not c.relispartition
              and c.relname not in ('audit_entry', 'audit_chain_head') order by c.relname""";
    private static final String UNINDEXED = """
            select c.relname as table_name from pg_class c
            join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
            join pg_attribute a on a.attrelid = c.oid and a.attname = 'garage_id' and not a.attisdropped
            where c.relkind in ('r', 'p') and not c.relispartition
              and not exists (select 1 from pg_index i where i.indrelid = c.oid and i.indkey[0] = a.attnum)""";
    private static final String SUCCESSES = "#successes";
    /** The columns fingerprinted of a table some of whose columns background work writes later. */
    private static final Map<String, String> KEPT_COLUMNS = Map.of(
            "notification_pending_event", "job_event_id, garage_id");

    /**
     * Reads the fingerprint of the two garages in one statement, the same text every time, so that the
     * driver prepares it once per connection: the suite reads it after every attack.
     */
    static Reader reader(DataSource dataSource, UUID home, UUID other) {
        Rows rows = new Rows(dataSource);
        rows.query(UNINDEXED).forEach(row -> indexByGarage(dataSource, (String) row.get("table_name")));
        String garages = "('" + home + "', '" + other + "')";
        List<String> tables = rows.query(TENANT_TABLES).stream().map(row -> (String) row.get("table_name")).toList();
        String select = tables.stream()
                .map(table -> fingerprint(table, "select " + KEPT_COLUMNS.getOrDefault(table, "*") + " from " + table
                        + " where garage_id in " + garages))
                .collect(Collectors.joining(" union all ", "", " union all "))
                + fingerprint("garage", "select * from garage where id in " + garages)
                + " union all select '" + SUCCESSES + "', count(*)::text from audit_entry where garage_id in "
                + garages + " and outcome = 'SUCCESS'";
        return new Reader(rows, select);
    }

    private static void indexByGarage(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create index if not exists abuse_by_garage_" + table + " on " + table + " (garage_id)");
        } catch (SQLException e) {
            throw new IllegalStateException("index " + table + " by garage", e);
        }
    }

    private static String fingerprint(String name, String select) {
        return "select '" + name + "' as name, (select count(*) || ':' || coalesce(md5(string_agg(t::text, '|'"
                + " order by t::text)), '') from (" + select + ") t) as print";
    }

    record Reader(Rows rows, String select) {

        TenantChecksum read() {
            Map<String, String> tables = new TreeMap<>();
            rows.query(select).forEach(row -> tables.put((String) row.get("name"), (String) row.get("print")));
            return new TenantChecksum(tables, Long.parseLong(tables.remove(SUCCESSES)));
        }
    }
}
