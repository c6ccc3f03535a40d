package com.garage.mobile.api.profile;

import java.util.UUID;

/** A customer's profile change has committed. */
public record ProfileChanged(UUID garageId, UUID customerId) {
}
