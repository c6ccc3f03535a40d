package com.garage.mobile.platform.payment;

import java.time.Instant;
import java.util.UUID;

/** A pay-by-link link as issued: its URL (holding the token, shown once) for exactly this amount, until it expires. */
public record IssuedLink(UUID id, String url, long amountMinor, String currency, Instant expiresAt) {
}
