package com.garage.mobile.domain.chat.escalation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** A garage's response targets as stored, in minutes of business time. */
@Entity
@Table(name = "chat_response_targets")
public class ResponseTargetSettings extends PanacheEntityBase {
    @Id
    @Column(name = "garage_id")
    public UUID garageId;
    @Column(name = "urgent_first_minutes")
    public int urgentFirstMinutes;
    @Column(name = "urgent_next_minutes")
    public int urgentNextMinutes;
    @Column(name = "high_first_minutes")
    public int highFirstMinutes;
    @Column(name = "high_next_minutes")
    public int highNextMinutes;
    @Column(name = "normal_first_minutes")
    public int normalFirstMinutes;
    @Column(name = "normal_next_minutes")
    public int normalNextMinutes;
    @Column(name = "warn_before_percent")
    public int warnBeforePercent;
    /** Moved by each change, under the garage's row lock. */
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The settings of a garage that never set any: the defaults, at version 0. */
    public static ResponseTargetSettings defaults(UUID garageId) {
        ResponseTargetSettings settings = new ResponseTargetSettings();
        settings.garageId = garageId;
        settings.set(ResponseTargets.defaults());
        return settings;
    }

    void set(ResponseTargets targets) {
        urgentFirstMinutes = minutes(targets, ChatPriority.URGENT, ResponseKind.FIRST);
        urgentNextMinutes = minutes(targets, ChatPriority.URGENT, ResponseKind.NEXT);
        highFirstMinutes = minutes(targets, ChatPriority.HIGH, ResponseKind.FIRST);
        highNextMinutes = minutes(targets, ChatPriority.HIGH, ResponseKind.NEXT);
        normalFirstMinutes = minutes(targets, ChatPriority.NORMAL, ResponseKind.FIRST);
        normalNextMinutes = minutes(targets, ChatPriority.NORMAL, ResponseKind.NEXT);
        warnBeforePercent = targets.warnBeforePercent();
    }

    public ResponseTargets targets() {
        Map<ChatPriority, ResponseTargets.Target> targets = new EnumMap<>(ChatPriority.class);
        targets.put(ChatPriority.URGENT, target(urgentFirstMinutes, urgentNextMinutes));
        targets.put(ChatPriority.HIGH, target(highFirstMinutes, highNextMinutes));
        targets.put(ChatPriority.NORMAL, target(normalFirstMinutes, normalNextMinutes));
        return new ResponseTargets(targets, warnBeforePercent);
    }

    private static ResponseTargets.Target target(int first, int next) {
        return new ResponseTargets.Target(Duration.ofMinutes(first), Duration.ofMinutes(next));
    }

    private static int minutes(ResponseTargets targets, ChatPriority priority, ResponseKind kind) {
        return (int) targets.target(priority, kind).toMinutes();
    }
}
