package com.garage.mobile.technician.chat;

import com.garage.mobile.domain.chat.escalation.ResponseTargetSettings;

/** The garage's response targets in minutes of business time, with their version. */
public record ResponseTargetsView(Targets urgent, Targets high, Targets normal, int warnBeforePercent,
        long version) {

    /** First and next response targets of one priority. */
    public record Targets(int firstResponseMinutes, int nextResponseMinutes) {
    }

    static ResponseTargetsView of(ResponseTargetSettings settings) {
        return new ResponseTargetsView(new Targets(settings.urgentFirstMinutes, settings.urgentNextMinutes),
                new Targets(settings.highFirstMinutes, settings.highNextMinutes),
                new Targets(settings.normalFirstMinutes, settings.normalNextMinutes), settings.warnBeforePercent,
                settings.version);
    }
}
