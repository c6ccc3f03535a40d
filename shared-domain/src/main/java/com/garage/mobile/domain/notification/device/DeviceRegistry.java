package com.garage.mobile.domain.notification.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.idempotency.IdempotencyKeys;
import com.garage.mobile.domain.idempotency.IdempotentResponse;
import com.garage.mobile.domain.notification.AdvisoryLock;
import com.garage.mobile.domain.notification.PersonRef;
import com.garage.mobile.domain.notification.consent.NotificationPreferences;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The devices people receive notifications on. A token reaches one installed app, so it belongs
 * to one person: whoever registers it last holds it, and the previous holder stops receiving.
 */
@ApplicationScoped
public class DeviceRegistry {

    public static final String REGISTER = "device.register";
    public static final String REFRESH = "device.refresh-token";
    public static final String UNREGISTER = "device.unregister";
    private static final String RESOURCE = "device";

    private final PushDeviceRepository devices;
    private final DeviceRules rules;
    private final AdvisoryLock locks;
    private final NotificationPreferences preferences;
    private final IdempotencyKeys idempotency;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final ObjectMapper json;
    private final GarageClock clock;

    public DeviceRegistry(PushDeviceRepository devices, DeviceRules rules, AdvisoryLock locks,
            NotificationPreferences preferences, IdempotencyKeys idempotency, AuditTrail audit, AuditedAction audited,
            ObjectMapper json, GarageClock clock) {
        this.clock = clock;
        this.devices = devices;
        this.rules = rules;
        this.locks = locks;
        this.preferences = preferences;
        this.idempotency = idempotency;
        this.audit = audit;
        this.audited = audited;
        this.json = json;
    }

    @WithSession
    public Uni<Page<DeviceView>> page(Actor actor, PageCursor after, int limit) {
        return devices.pageOfOwner(actor, after, limit)
                .map(rows -> Page.of(rows, limit, d -> new PageCursor(d.createdAt, d.id), DeviceView::of));
    }

    /**
     * Registers the device: 201 with a new device, or 200 when the caller had registered this
     * token already. A replayed {@code Idempotency-Key} gets the first answer.
     */
    public Uni<IdempotentResponse> register(Actor actor, DeviceRegistrationRequest request, String idempotencyKey) {
        DeviceAddress address = rules.address(request.platform(), request.token(), request.subscription(),
                request.timeZone());
        return audited.run(actor, REGISTER, RESOURCE, null, () -> registerOnce(actor, request, address, idempotencyKey));
    }

    @WithTransaction
    Uni<IdempotentResponse> registerOnce(Actor actor, DeviceRegistrationRequest request, DeviceAddress address,
            String idempotencyKey) {
        return idempotency.once(actor, idempotencyKey, REGISTER, request, () -> {
            Instant now = clock.now();
            return locks.hold(tokenLock(request.platform(), address.token()))
                    .chain(() -> devices.findActiveByToken(request.platform(), address.token()))
                    .chain(holder -> holder != null && isOwnedBy(holder, actor)
                            ? renew(actor, holder, request, address, now)
                            : create(actor, holder, request, address, now))
                    .call(() -> preferences.grantOnPushPermission(actor, now));
        });
    }

    /** Replaces the device's token after the provider rotated it. */
    public Uni<DeviceView> refresh(Actor actor, UUID id, DeviceRefreshRequest request, long baseVersion) {
        return audited.run(actor, REFRESH, RESOURCE, id, () -> refreshInTransaction(actor, id, request, baseVersion));
    }

    @WithTransaction
    Uni<DeviceView> refreshInTransaction(Actor actor, UUID id, DeviceRefreshRequest request, long baseVersion) {
        Instant now = clock.now();
        return devices.requireOwn(actor, id)
                .invoke(device -> requireActiveAt(device, baseVersion))
                .chain(device -> {
                    DeviceAddress address = rules.address(device.platform, request.token(), request.subscription(),
                            request.timeZone());
                    return locks.hold(tokenLock(device.platform, address.token()))
                            .chain(() -> devices.findActiveByToken(device.platform, address.token()))
                            .chain(holder -> moveAway(holder, device, now))
                            .chain(() -> {
                                String previousEnding = DeviceView.of(device).tokenEnding();
                                address(device, address);
                                device.appVersion = orKeep(request.appVersion(), device.appVersion);
                                device.osVersion = orKeep(request.osVersion(), device.osVersion);
                                device.locale = orKeep(request.locale(), device.locale);
                                device.timeZone = orKeep(request.timeZone(), device.timeZone);
                                device.updatedAt = now;
                                return devices.flush().call(() -> audit.record(actor, REFRESH, RESOURCE, id,
                                        AuditOutcome.SUCCESS, Map.of("previousTokenEnding", previousEnding), now));
                            })
                            .map(ignored -> DeviceView.of(device));
                });
    }

    /** Signs the device out of notifications; unregistering twice is harmless. */
    public Uni<Void> unregister(Actor actor, UUID id) {
        return audited.run(actor, UNREGISTER, RESOURCE, id, () -> unregisterInTransaction(actor, id));
    }

    /** The caller's device as it is now, for a conflict answer. */
    @WithSession
    public Uni<DeviceView> current(Actor actor, UUID id) {
        return devices.requireOwn(actor, id).map(DeviceView::of);
    }

    @WithTransaction
    Uni<Void> unregisterInTransaction(Actor actor, UUID id) {
        Instant now = clock.now();
        return devices.requireOwn(actor, id).chain(device -> {
            if (!device.active) {
                return Uni.createFrom().voidItem();
            }
            device.deactivate(DeactivationReason.UNREGISTERED, now);
            return devices.flush().call(() -> audit.record(actor, UNREGISTER, RESOURCE, id, AuditOutcome.SUCCESS,
                    Map.of("platform", device.platform.name()), now)).replaceWithVoid();
        });
    }

    private Uni<IdempotentResponse> renew(Actor actor, PushDevice device, DeviceRegistrationRequest request,
            DeviceAddress address, Instant now) {
        describe(device, request, address, now);
        return devices.flush()
                .call(() -> audit.record(actor, REGISTER, RESOURCE, device.id, AuditOutcome.SUCCESS,
                        Map.of("platform", device.platform.name(), "outcome", "already-registered"), now))
                .map(ignored -> response(200, device));
    }

    private Uni<IdempotentResponse> create(Actor actor, PushDevice holder, DeviceRegistrationRequest request,
            DeviceAddress address, Instant now) {
        PushDevice device = new PushDevice();
        device.id = UUID.randomUUID();
        device.garageId = actor.garageId();
        device.owner = PersonRef.of(actor);
        device.platform = request.platform();
        device.active = true;
        device.createdAt = now;
        describe(device, request, address, now);
        return moveAway(holder, device, now)
                .chain(() -> devices.persistAndFlush(device))
                .call(() -> audit.record(actor, REGISTER, RESOURCE, device.id, AuditOutcome.SUCCESS,
                        Map.of("platform", device.platform.name(), "outcome", holder != null ? "moved" : "new"), now))
                .map(ignored -> response(201, device));
    }

    /** Takes the token from the device that held it, so that it reaches only its new holder. */
    private Uni<Void> moveAway(PushDevice holder, PushDevice to, Instant now) {
        if (holder == null || holder.id.equals(to.id)) {
            return Uni.createFrom().voidItem();
        }
        holder.deactivate(DeactivationReason.MOVED, now);
        return devices.flush();
    }

    private IdempotentResponse response(int status, PushDevice device) {
        return new IdempotentResponse(status, json.valueToTree(DeviceView.of(device)));
    }

    private static void describe(PushDevice device, DeviceRegistrationRequest request, DeviceAddress address,
            Instant now) {
        address(device, address);
        device.appVersion = request.appVersion();
        device.osVersion = request.osVersion();
        device.locale = request.locale();
        device.timeZone = request.timeZone();
        device.updatedAt = now;
    }

    private static void address(PushDevice device, DeviceAddress address) {
        device.token = address.token();
        device.webPushP256dh = address.webPushP256dh();
        device.webPushAuth = address.webPushAuth();
    }

    private static void requireActiveAt(PushDevice device, long baseVersion) {
        if (!device.active) {
            throw new ProblemException(ProblemType.NOT_FOUND, "This device was unregistered; register it again.");
        }
        if (device.version != baseVersion) {
            throw new StaleVersionException("This device", baseVersion, device.version);
        }
    }

    private static boolean isOwnedBy(PushDevice device, Actor actor) {
        return device.garageId.equals(actor.garageId()) && actor.personId().equals(
                device.owner.customerId != null ? device.owner.customerId : device.owner.staffId);
    }

    private static String tokenLock(DevicePlatform platform, String token) {
        return "push-token|" + platform + "|" + token;
    }

    private static String orKeep(String value, String current) {
        return value != null ? value : current;
    }
}
