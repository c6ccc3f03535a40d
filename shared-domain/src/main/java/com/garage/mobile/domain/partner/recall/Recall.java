package com.garage.mobile.domain.partner.recall;

/**
 * One safety recall campaign as NHTSA publishes it (recallsByVehicle): campaign number, component,
 * summary, consequence, remedy, and whether the owner should not drive the vehicle ({@code parkIt}).
 *
 * @param reportReceived the date NHTSA received the report, as it gives it (dd/MM/yyyy)
 */
public record Recall(String campaignNumber, String manufacturer, String component, String summary,
        String consequence, String remedy, String reportReceived, boolean parkIt) {
}
