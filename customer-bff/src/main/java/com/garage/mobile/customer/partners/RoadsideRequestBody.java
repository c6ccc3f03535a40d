package com.garage.mobile.customer.partners;

import com.garage.mobile.domain.partner.roadside.RoadsideDraft;
import com.garage.mobile.domain.partner.roadside.RoadsideService;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** What I ask for: the help, where I am, which vehicle, how to call me back, and whether to tow it to the garage. */
public record RoadsideRequestBody(UUID vehicleId, RoadsideService service, Double latitude, Double longitude,
        String address, @Pattern(regexp = "^\\+?[0-9 ()-]{5,20}$", message = "a phone number the responder can call back")
        String callbackPhone, String note, Boolean towToGarage) {

    RoadsideDraft draft() {
        return new RoadsideDraft(vehicleId, service, latitude, longitude, address, callbackPhone, note,
                Boolean.TRUE.equals(towToGarage));
    }
}
