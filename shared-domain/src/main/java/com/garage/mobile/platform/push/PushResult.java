package com.garage.mobile.platform.push;

/** What a provider made of a push it answered. A provider that did not answer throws instead. */
public sealed interface PushResult {

    /** Accepted for delivery. */
    record Delivered(String providerMessageId) implements PushResult {
    }

    /** The token no longer reaches an installed app: the device must stop being used. */
    record TokenRejected(String reason) implements PushResult {
    }

    /** Refused for good (a malformed message, our credentials): sending again would not help. */
    record Rejected(String reason) implements PushResult {
    }
}
