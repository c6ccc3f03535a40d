package com.garage.mobile.domain.partner.roadside;

import com.garage.mobile.domain.notification.FieldErrors;
import java.util.UUID;
import java.util.regex.Pattern;

/** What the customer asks for; {@link #validate()} names every bad field at once. */
public record RoadsideDraft(UUID vehicleId, RoadsideService service, Double latitude, Double longitude,
        String address, String callbackPhone, String note, boolean towToGarage) {

    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{5,20}$");

    public void validate() {
        FieldErrors errors = new FieldErrors();
        if (vehicleId == null) {
            errors.add("vehicleId", "Name the vehicle that needs help.");
        }
        if (service == null) {
            errors.add("service", "Say what help is needed: TOW, JUMP_START, FLAT_TYRE, LOCKOUT or FUEL.");
        }
        if (latitude == null || latitude < -90 || latitude > 90 || latitude.isNaN()) {
            errors.add("latitude", "A latitude between -90 and 90 is required.");
        }
        if (longitude == null || longitude < -180 || longitude > 180 || longitude.isNaN()) {
            errors.add("longitude", "A longitude between -180 and 180 is required.");
        }
        if (address != null && address.length() > 300) {
            errors.add("address", "At most 300 characters.");
        }
        if (callbackPhone == null || !PHONE.matcher(callbackPhone).matches()) {
            errors.add("callbackPhone", "A phone number the responder can call back (5 to 20 digits).");
        }
        if (note != null && note.length() > 500) {
            errors.add("note", "At most 500 characters.");
        }
        if (towToGarage && service != null && service != RoadsideService.TOW) {
            errors.add("towToGarage", "Only a tow can bring the vehicle to the garage.");
        }
        errors.throwIfAny();
    }
}
