package com.garage.mobile.domain.notification.consent;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.notification.AdvisoryLock;
import com.garage.mobile.domain.notification.FieldErrors;
import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.NotificationConfig;
import com.garage.mobile.domain.notification.PersonRef;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's notification preferences: consent per category, kept in the append-only ledger, and
 * quiet hours. Nothing is granted silently except when the person allows notifications on a device
 * (the operating system's prompt): then the operational categories they never decided on are
 * granted, on the record, and they can withdraw each one.
 */
@ApplicationScoped
public class NotificationPreferences {

    public static final String ACTION = "notification-preferences.update";
    public static final String PUSH_PERMISSION_SCREEN = "push-permission";
    private static final String RESOURCE = "notification-preferences";

    private final ConsentLedger ledger;
    private final AdvisoryLock locks;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final NotificationConfig config;
    private final GarageClock clock;

    public NotificationPreferences(ConsentLedger ledger, AdvisoryLock locks, AuditTrail audit, AuditedAction audited,
            NotificationConfig config, GarageClock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.locks = locks;
        this.audit = audit;
        this.audited = audited;
        this.config = config;
    }

    @WithSession
    public Uni<PreferencesView> view(Actor actor) {
        return settingsOf(actor).chain(settings -> viewOf(actor, settings));
    }

    @WithSession
    public Uni<ConsentHistoryView> history(Actor actor) {
        return ledger.history(actor).map(records -> new ConsentHistoryView(actor.personId(), actor.subject(),
                clock.now(), records.stream().map(ConsentHistoryView.Entry::of).toList()));
    }

    /** Replaces the preferences document; a withdrawal holds back every message not yet sent. */
    public Uni<PreferencesView> update(Actor actor, PreferencesChange change, long baseVersion) {
        QuietHours quietHours = checked(actor, change);
        return audited.run(actor, ACTION, RESOURCE, actor.personId(),
                () -> apply(actor, change, quietHours, baseVersion));
    }

    /**
     * The person allowed notifications on a device: grants the operational categories they never
     * decided on. Runs in the caller's transaction.
     */
    public Uni<Void> grantOnPushPermission(Actor actor, Instant at) {
        ConsentSource source = ConsentSource.of(actor, PUSH_PERMISSION_SCREEN, config.policyVersion());
        return lockedSettings(actor, at).chain(settings -> ledger.current(actor).chain(current -> {
            List<NotificationCategory> undecided = NotificationCategory.listedFor(isCustomer(actor)).stream()
                    .filter(category -> category.operational() && !current.containsKey(category)).toList();
            if (undecided.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return appendAll(actor, undecided, true, source, at).chain(() -> save(settings, at));
        }));
    }

    @WithTransaction
    Uni<PreferencesView> apply(Actor actor, PreferencesChange change, QuietHours quietHours, long baseVersion) {
        Instant now = clock.now();
        ConsentSource source = ConsentSource.of(actor, change.screen(), change.policyVersion());
        return lockedSettings(actor, now)
                .invoke(settings -> requireVersion(settings, baseVersion))
                .chain(settings -> ledger.current(actor).chain(current -> {
                    ConsentChanges changes = ConsentChanges.between(current, change.categories());
                    settings.quietHours(quietHours);
                    return appendAll(actor, changes.granted(), true, source, now)
                            .chain(() -> appendAll(actor, changes.withdrawn(), false, source, now))
                            .chain(() -> save(settings, now))
                            .call(() -> audit.record(actor, ACTION, RESOURCE, actor.personId(), AuditOutcome.SUCCESS,
                                    changes.detail(quietHours), now))
                            .chain(() -> viewOf(actor, settings));
                }));
    }

    private Uni<PreferencesView> viewOf(Actor actor, NotificationSettings settings) {
        return ledger.current(actor).map(current -> new PreferencesView(settings.version, config.policyVersion(),
                NotificationCategory.listedFor(isCustomer(actor)).stream()
                        .map(category -> consent(category, current.get(category))).toList(),
                settings.quietHours().map(QuietHoursSetting::of).orElse(null)));
    }

    private PreferencesView.CategoryConsent consent(NotificationCategory category, ConsentRecord latest) {
        boolean critical = config.criticalCategories().contains(category);
        if (latest == null) {
            return new PreferencesView.CategoryConsent(category, false, category.operational(), critical, null, null,
                    null, null);
        }
        return new PreferencesView.CategoryConsent(category, latest.granted, category.operational(), critical,
                latest.recordedAt, latest.sourceApp, latest.sourceScreen, latest.policyVersion);
    }

    private Uni<Void> appendAll(Actor actor, List<NotificationCategory> categories, boolean granted,
            ConsentSource source, Instant at) {
        return Multi.createFrom().iterable(categories)
                .onItem().transformToUniAndConcatenate(category -> ledger.append(actor, category, granted, source, at))
                .collect().last().replaceWithVoid();
    }

    private Uni<NotificationSettings> settingsOf(Actor actor) {
        return findSettings(actor).map(found -> found != null ? found : fresh(actor, clock.now()));
    }

    private Uni<NotificationSettings> lockedSettings(Actor actor, Instant now) {
        return locks.hold("notification-settings|" + actor.personId())
                .chain(() -> findSettings(actor))
                .map(found -> found != null ? found : fresh(actor, now));
    }

    private static Uni<NotificationSettings> findSettings(Actor actor) {
        return NotificationSettings.find("garageId = ?1 and owner.personId = ?2", actor.garageId(), actor.personId())
                .firstResult();
    }

    private static Uni<Void> save(NotificationSettings settings, Instant at) {
        settings.version++;
        settings.updatedAt = at;
        return settings.persist().replaceWithVoid();
    }

    private static NotificationSettings fresh(Actor actor, Instant now) {
        NotificationSettings settings = new NotificationSettings();
        settings.id = UUID.randomUUID();
        settings.garageId = actor.garageId();
        settings.owner = PersonRef.of(actor);
        settings.createdAt = now;
        settings.updatedAt = now;
        return settings;
    }

    private static void requireVersion(NotificationSettings settings, long baseVersion) {
        if (settings.version != baseVersion) {
            throw new StaleVersionException("Your notification preferences", baseVersion, settings.version);
        }
    }

    /**
     * Checks what Bean Validation cannot: a decision for each category named, a real time zone, a
     * real window. A category not named keeps its decision, so an app released before a category
     * existed can still save its settings.
     */
    private static boolean isCustomer(Actor actor) {
        return actor.role() == ActorRole.CUSTOMER;
    }

    private static QuietHours checked(Actor actor, PreferencesChange change) {
        FieldErrors errors = new FieldErrors();
        change.categories().forEach((category, granted) -> {
            if (granted == null) {
                errors.add("categories." + category, "must be true or false");
            } else if (!category.offeredTo(isCustomer(actor))) {
                errors.add("categories." + category, "is not a category for this app");
            }
        });
        QuietHoursSetting quiet = change.quietHours();
        if (quiet != null) {
            errors.timeZone("quietHours.timeZone", quiet.timeZone());
            if (Objects.equals(quiet.start(), quiet.end())) {
                errors.add("quietHours.end", "must differ from start");
            }
        }
        errors.throwIfAny();
        return quiet != null ? quiet.toQuietHours() : null;
    }
}
