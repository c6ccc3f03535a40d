package com.garage.mobile.testing;

import java.util.UUID;

/** A staff member or customer created for a test, with what their token needs. */
public record Person(UUID id, UUID garageId, String subject, String role, String displayName) {
}
