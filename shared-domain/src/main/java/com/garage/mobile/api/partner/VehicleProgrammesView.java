package com.garage.mobile.api.partner;

import com.garage.mobile.domain.partner.recall.DueService;
import com.garage.mobile.domain.partner.recall.VehicleProgrammes;
import com.garage.mobile.domain.partner.recall.VehicleRecall;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A vehicle's open recalls and due programme services. {@code asOf} and {@code ageSeconds} say how
 * old the recall data is; {@code delayed} with {@code notice} says plainly that it could not be
 * refreshed just now.
 */
public record VehicleProgrammesView(UUID vehicleId, String make, String model, Integer modelYear,
        List<RecallView> recalls, List<DueServiceView> dueServices, Instant asOf, Long ageSeconds, boolean delayed,
        String notice) {

    /** One recall campaign on the vehicle; {@code appointmentId} once the customer asked for one. */
    public record RecallView(String campaignNumber, String component, String summary, String consequence,
            String remedy, String reportReceived, boolean parkIt, UUID appointmentId) {
        static RecallView of(VehicleRecall found) {
            var r = found.recall();
            return new RecallView(r.campaignNumber(), r.component(), r.summary(), r.consequence(), r.remedy(),
                    r.reportReceived(), r.parkIt(), found.appointmentId());
        }
    }

    /** A service falling due, by distance or date. */
    public record DueServiceView(String code, String name, Integer dueAtKm, LocalDate dueOn, boolean overdue) {
        static DueServiceView of(DueService due) {
            return new DueServiceView(due.code(), due.name(), due.dueAtKm(), due.dueOn(), due.overdue());
        }
    }

    public static VehicleProgrammesView of(VehicleProgrammes.Programmes programmes, Instant now) {
        var report = programmes.recalls();
        Long age = report.asOf() != null ? Duration.between(report.asOf(), now).toSeconds() : null;
        String notice = !report.delayed() ? null : report.asOf() != null
                ? "Recall data could not be refreshed just now; this is what we knew " + age / 60 + " minute(s) ago."
                : "Recall data is unavailable just now; try again later.";
        return new VehicleProgrammesView(report.vehicleId(), report.make(), report.model(), report.modelYear(),
                report.recalls().stream().map(RecallView::of).toList(),
                programmes.dueServices().stream().map(DueServiceView::of).toList(), report.asOf(), age,
                report.delayed(), notice);
    }
}
