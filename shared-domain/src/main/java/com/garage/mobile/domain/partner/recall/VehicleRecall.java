package com.garage.mobile.domain.partner.recall;

import java.util.UUID;

/** A recall on one vehicle, with the appointment asked for it (null until the customer asks). */
public record VehicleRecall(Recall recall, UUID appointmentId) {
}
