package com.garage.mobile.platform.sync;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import java.util.List;

/**
 * What one caller's offline copy holds, as SQL. Member queries take $1 garage, $2 person, $3 the
 * start of the closed-job window; aged-out queries also $4, the window's start when the previous
 * cursor was issued. The change filter sees the change row as {@code c} and takes $2.
 *
 * <ul>
 * <li>Technician: jobs assigned to them, open or closed within the window. Appointments name an
 * advisor, never a technician, so they hold none; the customer and vehicle fields they need are
 * embedded in the job.</li>
 * <li>Advisor, admin: the garage's jobs, open or closed within the window, and its appointments
 * not ended before the window.</li>
 * <li>Customer: their profile, vehicles, appointments and jobs.</li>
 * </ul>
 *
 * @param types        the types in snapshot order
 * @param changeFilter which change rows concern the caller: those naming them, and (technicians)
 *                     those of jobs assigned to them now, whoever the change named
 */
record SyncScope(List<ScopedType> types, String changeFilter) {

    /** One type of record in a scope; {@code agedOut} lists those that left it by age alone (or null). */
    record ScopedType(SyncEntity entity, String members, String agedOut) {
    }

    private static final String MY_JOBS = "select j.id from job_card j join job_assignment a"
            + " on a.job_id = j.id and a.technician_id = $2 where j.garage_id = $1 and ";
    private static final String GARAGE_JOBS =
            "select j.id from job_card j where $2::uuid is not null and j.garage_id = $1 and ";
    private static final String GARAGE_APPOINTMENTS =
            "select a.id from appointment a where $2::uuid is not null and a.garage_id = $1 and ";
    private static final String RECENT_JOB = "(j.closed_at is null or j.closed_at >= $3)";
    private static final String AGED_JOB = "j.closed_at < $3 and j.closed_at >= $4";

    static SyncScope of(Actor actor) {
        if (actor.role() == ActorRole.CUSTOMER) {
            return new SyncScope(List.of(
                    own(SyncEntity.CUSTOMER, "select c.id from customer c where c.garage_id = $1 and c.id = $2"),
                    own(SyncEntity.VEHICLE, "select v.id from vehicle v where v.garage_id = $1 and v.customer_id = $2"),
                    own(SyncEntity.APPOINTMENT,
                            "select a.id from appointment a where a.garage_id = $1 and a.customer_id = $2"),
                    own(SyncEntity.JOB, "select j.id from job_card j where j.garage_id = $1 and j.customer_id = $2")),
                    "c.audience @> array[$2::uuid]");
        }
        if (actor.isTechnician()) {
            return new SyncScope(List.of(new ScopedType(SyncEntity.JOB, MY_JOBS + RECENT_JOB, MY_JOBS + AGED_JOB)),
                    "(c.audience @> array[$2::uuid]"
                            + " or c.entity_id in (select job_id from job_assignment where technician_id = $2))");
        }
        return new SyncScope(List.of(
                new ScopedType(SyncEntity.JOB, GARAGE_JOBS + RECENT_JOB, GARAGE_JOBS + AGED_JOB),
                new ScopedType(SyncEntity.APPOINTMENT, GARAGE_APPOINTMENTS + "a.ends_at >= $3",
                        GARAGE_APPOINTMENTS + "a.ends_at < $3 and a.ends_at >= $4")),
                "$2::uuid is not null");
    }

    private static ScopedType own(SyncEntity entity, String members) {
        return new ScopedType(entity, members + " and $3::timestamptz is not null", null);
    }

    String[] typeNames() {
        return types.stream().map(t -> t.entity().wireName()).toArray(String[]::new);
    }
}
