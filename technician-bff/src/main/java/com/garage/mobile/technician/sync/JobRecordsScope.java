package com.garage.mobile.technician.sync;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.platform.sync.SyncScope;

/**
 * Which records hanging off a job (time entries, part requests, inspections, media) a member of staff's
 * offline copy holds: those of the jobs in the copy — a technician's assigned jobs, the whole garage's
 * for advisors and admins — while the job is open or closed within the window. Their triggers name the
 * job's people in every change, and putting a technician on or taking them off a job logs its records
 * again (migration {@code V2026_12_03_2358}), so naming the caller is the technician's change filter.
 */
public final class JobRecordsScope {

    private static final String RECENT_JOB = "(j.closed_at is null or j.closed_at >= $3)";
    private static final String AGED_JOB = "j.closed_at < $3 and j.closed_at >= $4";

    private JobRecordsScope() {
    }

    /** Every row of the table is a record ({@code table}: as below). */
    public static SyncScope of(Actor actor, String table) {
        return of(actor, table, "true");
    }

    /**
     * @param table     the records' table, each row with {@code id}, {@code garage_id} and {@code job_id}
     * @param condition which of its rows are records at all (SQL over the table as {@code r})
     */
    public static SyncScope of(Actor actor, String table, String condition) {
        String records = "select r.id from " + table + " r join job_card j on j.id = r.job_id";
        String members = actor.isTechnician()
                ? records + " join job_assignment a on a.job_id = j.id and a.technician_id = $2 where r.garage_id = $1"
                : records + " where $2::uuid is not null and r.garage_id = $1";
        members += " and (" + condition + ") and ";
        return new SyncScope(members + RECENT_JOB, members + AGED_JOB,
                actor.isTechnician() ? SyncScope.NAMING_CALLER : SyncScope.WHOLE_GARAGE);
    }
}
