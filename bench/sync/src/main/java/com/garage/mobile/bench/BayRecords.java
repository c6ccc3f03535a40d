package com.garage.mobile.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * What a day in the bay leaves on every job of a garage, written set-based: an inspection of twelve
 * items (measurements, a red and two yellow findings with notes, four photos), six time entries,
 * two parts used (PART estimate lines from the catalogue) and a part request.
 */
final class BayRecords {

    static final String DESCRIPTION = "inspection (12 items, 4 photos), 6 time entries, 2 parts, 1 part request";

    private static final String SECTIONS = "[{\"title\": \"Tyres and brakes\", \"items\": []}]";
    private static final String TREAD_SPEC = "[{\"key\": \"tread\", \"label\": \"Tread depth\", \"unit\": \"mm\","
            + " \"badWhen\": \"BELOW\", \"yellowAt\": 3, \"redAt\": 1.6}]";

    private BayRecords() {
    }

    static void add(Connection db, UUID garage, UUID technician) throws SQLException {
        UUID template = UUID.randomUUID();
        SyncBench.run(db, "insert into inspection_template (id, garage_id, name, sections, created_by, created_at,"
                + " updated_at) values (?, ?, 'Standard inspection', ?, ?, now(), now())", template, garage, SECTIONS,
                technician);
        SyncBench.run(db, "insert into inspection (id, garage_id, job_id, vehicle_id, template_id, template_version,"
                + " status, started_by, created_at, updated_at) select gen_random_uuid(), j.garage_id, j.id,"
                + " j.vehicle_id, ?, 0, 'IN_PROGRESS', ?, now(), now() from job_card j where j.garage_id = ?",
                template, technician, garage);
        SyncBench.run(db, "insert into inspection_item (id, garage_id, inspection_id, job_id, position, section,"
                + " item_key, label, customer_visible, measurement_specs, measurements, condition, note, inspected_by,"
                + " created_at, updated_at) select gen_random_uuid(), i.garage_id, i.id, i.job_id, p,"
                + " case when p < 6 then 'Tyres and brakes' else 'Under the bonnet' end, 'item-' || p,"
                + " 'Inspection point ' || p, p <> 11, ?, case when p < 4 then jsonb_build_object('tread',"
                + " 1.4 + p) else '{}' end, (array['RED', 'YELLOW', 'YELLOW'])[p + 1] ,"
                + " case when p < 3 then 'Worn beyond the limit on the inner edge; replace before winter.' end,"
                + " ?, now(), now() from inspection i, generate_series(0, 11) p where i.garage_id = ?",
                TREAD_SPEC, technician, garage);
        SyncBench.run(db, "update inspection_item set condition = 'GREEN' where garage_id = ? and condition is null",
                garage);
        SyncBench.run(db, "insert into media (id, garage_id, job_id, target_type, target_id, kind, status,"
                + " content_type, declared_size, object_key, sha256, thumbnail_key, uploaded_by, created_at,"
                + " updated_at, stored_at) select m.id, m.garage_id, m.job_id, 'inspection-item', m.item_id, 'PHOTO',"
                + " 'STORED', 'image/jpeg', 2400000, m.garage_id || '/' || m.job_id || '/' || m.id,"
                + " repeat('a', 64), m.garage_id || '/' || m.job_id || '/' || m.id || '.thumbnail.jpg', ?, now(),"
                + " now(), now() from (select gen_random_uuid() id, garage_id, job_id, id item_id from inspection_item"
                + " where garage_id = ? and position < 4) m", technician, garage);
        SyncBench.run(db, "insert into time_entry (id, garage_id, job_id, technician_id, kind, pause_reason,"
                + " started_at, ended_at, recorded_at, ended_recorded_at, source) select gen_random_uuid(),"
                + " j.garage_id, j.id, ?, case when e % 3 = 2 then 'PAUSE' else 'WORK' end,"
                + " case when e % 3 = 2 then 'WAITING_FOR_PARTS' end, t.start, t.start + interval '20 minutes',"
                + " t.start, t.start + interval '20 minutes', 'ONLINE' from (select j.*, row_number() over"
                + " (order by j.id) n from job_card j where j.garage_id = ?) j, generate_series(0, 5) e,"
                + " lateral (select now() - interval '30 days' + (j.n * 6 + e) * interval '30 minutes' start) t",
                technician, garage);
        UUID pads = UUID.randomUUID();
        UUID discs = UUID.randomUUID();
        SyncBench.run(db, "insert into part (id, garage_id, part_number, description, ean, price_minor, cost_minor,"
                + " stock_on_hand, bin) values (?, ?, 'BP-7731', 'Front brake pad set', '4006980000012', 5400, 3100,"
                + " 1000, 'A-01-03'), (?, ?, 'BD-2210', 'Front brake disc, vented 280 mm', '4006980000036', 6800,"
                + " 3900, 1000, 'A-02-01')", pads, garage, discs, garage);
        SyncBench.run(db, "insert into estimate_line (id, garage_id, job_id, position, kind, description, part_number,"
                + " part_id, quantity, unit_price_minor, cost_price_minor, tax_rate_bp) select gen_random_uuid(),"
                + " j.garage_id, j.id, 10 + p.n, 'PART', p.description, p.part_number, p.id, 1, p.price_minor,"
                + " p.cost_minor, p.tax_rate_bp from job_card j, (select part.*, row_number() over"
                + " (order by part_number) n from part where garage_id = ?) p where j.garage_id = ?", garage, garage);
        SyncBench.run(db, "insert into part_request (id, garage_id, job_id, description, quantity, note, status,"
                + " requested_by) select gen_random_uuid(), j.garage_id, j.id, 'Ignition coil', 1,"
                + " 'Cylinder 3 misfire confirmed', 'REQUESTED', ? from job_card j where j.garage_id = ?",
                technician, garage);
    }
}
