package com.garage.mobile.api.chat;

import com.garage.mobile.domain.chat.ChatChannel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * How far the app has received ({@code delivered}) and shown ({@code read}) a channel, as message
 * numbers; a cursor only moves forward, so an older report changes nothing.
 */
public record CursorRequest(@NotNull ChatChannel channel, @NotNull @PositiveOrZero Long delivered,
        @NotNull @PositiveOrZero Long read) {
}
