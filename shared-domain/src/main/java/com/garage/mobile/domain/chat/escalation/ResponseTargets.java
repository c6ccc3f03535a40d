package com.garage.mobile.domain.chat.escalation;

import com.garage.mobile.domain.hours.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long, in business time, a customer may wait for a staff answer, per priority and kind of
 * response, and how early before the target the warning goes out (a share of the target).
 */
public record ResponseTargets(Map<ChatPriority, Target> targets, int warnBeforePercent) {

    /** The targets of one priority. */
    public record Target(Duration first, Duration next) {
        public Duration of(ResponseKind kind) {
            return kind == ResponseKind.FIRST ? first : next;
        }
    }

    /** When a response is due and when the warning before it goes out; both null when the calendar never opens. */
    public record Deadline(Instant warnAt, Instant dueAt, Duration target) {
    }

    public ResponseTargets {
        targets = Map.copyOf(targets);
        for (ChatPriority priority : ChatPriority.values()) {
            if (!targets.containsKey(priority)) {
                throw new IllegalArgumentException("Every priority has targets: " + priority);
            }
        }
    }

    /** Urgent 15 min / 30 min, high 1 h / 2 h, normal 4 h / 8 h of business time; warn with 20 % left. */
    public static ResponseTargets defaults() {
        Map<ChatPriority, Target> targets = new EnumMap<>(ChatPriority.class);
        targets.put(ChatPriority.URGENT, new Target(Duration.ofMinutes(15), Duration.ofMinutes(30)));
        targets.put(ChatPriority.HIGH, new Target(Duration.ofHours(1), Duration.ofHours(2)));
        targets.put(ChatPriority.NORMAL, new Target(Duration.ofHours(4), Duration.ofHours(8)));
        return new ResponseTargets(targets, 20);
    }

    public Duration target(ChatPriority priority, ResponseKind kind) {
        return targets.get(priority).of(kind);
    }

    /** The deadline of a response awaited since {@code since}, on the garage's calendar. */
    public Deadline deadline(BusinessCalendar calendar, Instant since, ChatPriority priority, ResponseKind kind) {
        Duration target = target(priority, kind);
        Duration beforeWarning = target.minus(target.multipliedBy(warnBeforePercent).dividedBy(100));
        return new Deadline(calendar.after(since, beforeWarning).orElse(null),
                calendar.after(since, target).orElse(null), target);
    }
}
