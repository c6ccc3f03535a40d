package com.garage.mobile.testing.abuse;

import com.garage.mobile.testing.Rows;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A fingerprint of two garages' rows in every table that holds a garage's data, found in the
 * schema, so a table added tomorrow is covered too. The audit trail is left out: refusals are
 * audited, so it grows; its entries are checked to hold no success instead.
 */
record TenantChecksum(Map<String, String> tables, long successes) {

    private static final String TENANT_TABLES = """
            select table_name from information_schema.columns
            where table_schema = 'public' and column_name = 'garage_id'
              and table_name not in ('audit_entry', 'audit_chain_head') order by table_name""";

    static TenantChecksum of(Rows rows, UUID home, UUID other) {
        Map<String, String> tables = new TreeMap<>();
        List<Map<String, Object>> names = rows.query(TENANT_TABLES);
        for (Map<String, Object> name : names) {
            String table = (String) name.get("table_name");
            tables.put(table, fingerprint(rows, "select * from " + table + " where garage_id in (?, ?)", home,
                    other));
        }
        tables.put("garage", fingerprint(rows, "select * from garage where id in (?, ?)", home, other));
        long successes = rows.count("select count(*) from audit_entry where garage_id in (?, ?)"
                + " and outcome = 'SUCCESS'", home, other);
        return new TenantChecksum(tables, successes);
    }

    private static String fingerprint(Rows rows, String select, UUID home, UUID other) {
        return (String) rows.one("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|'"
                + " order by t::text)), '') as print from (" + select + ") t", home, other).get("print");
    }
}
