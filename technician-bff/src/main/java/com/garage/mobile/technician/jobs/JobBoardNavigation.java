package com.garage.mobile.technician.jobs;

import com.garage.mobile.api.navigation.NavigationContribution;
import com.garage.mobile.api.navigation.NavigationEntry;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.NavigationSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The job boards in the technician app's shell: my jobs, and the whole workshop for advisors and admins. Their actions
 * say what the job card and its inspection offer (clock and status moves, inspecting, publishing, uploading, and the
 * vehicle's due services, declined work and recalls for those who manage recommendations).
 */
@ApplicationScoped
class JobBoardNavigation implements NavigationContribution {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.of(AppAudience.STAFF, 10, new NavigationSection("my-jobs", "My jobs",
                        "/api/v1/jobs/board", Capability.JOB_BOARD_READ, List.of(Capability.GARAGE_JOBS_READ,
                                Capability.JOB_STATUS_CHANGE, Capability.OFFLINE_JOB_WRITES, Capability.INSPECTION_WRITE,
                                Capability.INSPECTION_PUBLISH, Capability.MEDIA_UPLOAD,
                                Capability.RECOMMENDATIONS_MANAGE))),
                NavigationEntry.of(AppAudience.STAFF, 20, new NavigationSection("workshop", "Workshop board",
                        "/api/v1/jobs/board?scope=garage", Capability.GARAGE_BOARD_READ,
                        List.of(Capability.GARAGE_JOBS_READ, Capability.JOB_STATUS_CHANGE, Capability.JOB_ASSIGN,
                                Capability.OFFLINE_JOB_WRITES, Capability.INSPECTION_WRITE,
                                Capability.INSPECTION_PUBLISH, Capability.MEDIA_UPLOAD,
                                Capability.RECOMMENDATIONS_MANAGE))));
    }
}
