package com.garage.mobile.domain.job;

import com.garage.mobile.domain.customer.Customer;
import com.garage.mobile.domain.garage.Garage;
import com.garage.mobile.domain.staff.Staff;
import com.garage.mobile.domain.vehicle.Vehicle;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A job card with everything its screens show. Built for one audience: a customer's detail
 * never holds internal notes.
 *
 * @param technicianIds the assigned technicians, in order of assignment
 * @param staff         every member of staff the card mentions (advisor, technicians, note authors)
 */
public record JobCardDetail(Garage garage, JobCard job, Customer customer, Vehicle vehicle,
        List<UUID> technicianIds, Map<UUID, Staff> staff, List<JobStep> steps, List<EstimateLine> lines,
        List<JobNote> notes) {

    /** The advisor, or null when none is set. */
    public Staff advisor() {
        return job.advisorId != null ? staff.get(job.advisorId) : null;
    }

    public List<Staff> technicians() {
        return technicianIds.stream().map(staff::get).toList();
    }

    public String staffName(UUID staffId) {
        Staff member = staff.get(staffId);
        return member != null ? member.displayName : null;
    }
}
