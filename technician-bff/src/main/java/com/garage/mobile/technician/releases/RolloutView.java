package com.garage.mobile.technician.releases;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.garage.mobile.domain.releases.Ring;
import com.garage.mobile.domain.releases.Rollout;
import com.garage.mobile.domain.releases.RolloutProgress.RolloutMode;
import com.garage.mobile.domain.releases.RolloutSchedule;
import java.time.Instant;

/** A release's rollout to a ring as admins see it: its percentage now and, if halted, why and by whom. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RolloutView(Ring ring, RolloutMode mode, int percentBp, int step, boolean halted, Instant startedAt,
        Instant haltedAt, String haltReason, String haltedBy) {

    static RolloutView of(Rollout rollout, Instant now, RolloutSchedule schedule) {
        var progress = rollout.progress();
        int step = progress.mode() == RolloutMode.SCHEDULED ? schedule.stepAt(progress.runningAt(now)) + 1 : 0;
        return new RolloutView(rollout.ring(), progress.mode(), progress.percentBpAt(now, schedule), step,
                progress.halted(), rollout.startedAt(), rollout.haltedAt(), rollout.haltReason(), rollout.haltedBy());
    }
}
