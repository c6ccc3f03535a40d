package com.garage.mobile.technician.chat;

import com.garage.mobile.domain.chat.escalation.ChatPriority;
import com.garage.mobile.domain.chat.escalation.ResponseTargets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The garage's response targets in minutes of business time (1 to 10080, a week), per priority,
 * and how much of the target is left when the warning goes out (1 to 90 %).
 *
 * @param baseVersion the targets' version the change is based on, unless sent as {@code If-Match}
 */
public record ResponseTargetsRequest(@NotNull @Valid Targets urgent, @NotNull @Valid Targets high,
        @NotNull @Valid Targets normal, @NotNull @Min(1) @Max(90) Integer warnBeforePercent,
        @PositiveOrZero Long baseVersion) {

    /** First and next response targets of one priority, in minutes. */
    public record Targets(@NotNull @Min(1) @Max(10_080) Integer firstResponseMinutes,
            @NotNull @Min(1) @Max(10_080) Integer nextResponseMinutes) {

        ResponseTargets.Target target() {
            return new ResponseTargets.Target(Duration.ofMinutes(firstResponseMinutes),
                    Duration.ofMinutes(nextResponseMinutes));
        }
    }

    ResponseTargets targets() {
        Map<ChatPriority, ResponseTargets.Target> targets = new EnumMap<>(ChatPriority.class);
        targets.put(ChatPriority.URGENT, urgent.target());
        targets.put(ChatPriority.HIGH, high.target());
        targets.put(ChatPriority.NORMAL, normal.target());
        return new ResponseTargets(targets, warnBeforePercent);
    }
}
