package com.garage.mobile.domain.notification;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the notification rules need to know about a job: its people, its car, its garage. */
public record JobContext(UUID jobId, UUID garageId, int number, UUID customerId, String customerLanguage, StaffMember advisor,
        List<StaffMember> technicians, String vehicle, String garageName) {

    public static final String QUERY = """
            select j.id, j.garage_id, j.number, j.customer_id, c.preferred_language,
                   adv.id as advisor_id, adv.oidc_subject as advisor_subject,
                   v.make || ' ' || v.model || coalesce(' (' || v.registration_plate || ')', '') as vehicle,
                   g.name as garage_name,
                   coalesce((select json_agg(json_build_object('id', s.id, 'subject', s.oidc_subject))
                             from job_assignment a join staff s on s.id = a.technician_id
                             where a.job_id = j.id and s.active), '[]'::json) as technicians
            from job_card j
            join customer c on c.id = j.customer_id
            join vehicle v on v.id = j.vehicle_id
            join garage g on g.id = j.garage_id
            left join staff adv on adv.id = j.advisor_id and adv.active
            where j.id = $1""";

    /** A staff member to notify, with the subject that tells whether they made the change. */
    public record StaffMember(UUID id, String subject) {
    }

    public static JobContext of(Row row) {
        List<StaffMember> technicians = new ArrayList<>();
        JsonArray assigned = new JsonArray(row.getValue("technicians").toString());
        for (int i = 0; i < assigned.size(); i++) {
            JsonObject technician = assigned.getJsonObject(i);
            technicians.add(new StaffMember(UUID.fromString(technician.getString("id")), technician.getString("subject")));
        }
        UUID advisorId = row.getUUID("advisor_id");
        return new JobContext(row.getUUID("id"), row.getUUID("garage_id"), row.getInteger("number"),
                row.getUUID("customer_id"), row.getString("preferred_language"),
                advisorId != null ? new StaffMember(advisorId, row.getString("advisor_subject")) : null,
                technicians, row.getString("vehicle"), row.getString("garage_name"));
    }
}
