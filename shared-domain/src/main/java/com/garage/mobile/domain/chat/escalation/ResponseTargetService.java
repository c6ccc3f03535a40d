package com.garage.mobile.domain.chat.escalation;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.garage.Garage;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The garage's response targets: read and changed by its advisors and admins. A change holds for
 * responses awaited from then on; a response already on the clock keeps its deadline.
 */
@ApplicationScoped
public class ResponseTargetService {

    public static final String ACTION = "chat.response-targets";

    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;

    public ResponseTargetService(AuditTrail audit, AuditedAction audited, GarageClock clock) {
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
    }

    @WithSession
    public Uni<ResponseTargetSettings> read(Actor staff) {
        return settingsOf(staff.garageId());
    }

    /** The garage's targets, in the caller's session. */
    public Uni<ResponseTargets> targetsOf(UUID garageId) {
        return settingsOf(garageId).map(ResponseTargetSettings::targets);
    }

    public Uni<ResponseTargetSettings> change(Actor staff, ResponseTargets targets, long baseVersion) {
        return audited.run(staff, ACTION, "garage", staff.garageId(), () -> apply(staff, targets, baseVersion));
    }

    @WithTransaction
    Uni<ResponseTargetSettings> apply(Actor staff, ResponseTargets targets, long baseVersion) {
        if (!staff.seesWholeGarage()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.FORBIDDEN,
                    "Response targets are the garage's advisors' and admins'."));
        }
        // the garage's row serialises changes, so two at once cannot both move the version
        return Garage.<Garage>findById(staff.garageId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(() -> ResponseTargetSettings.<ResponseTargetSettings>findById(staff.garageId()))
                .chain(found -> {
            ResponseTargetSettings settings = found != null ? found : ResponseTargetSettings.defaults(staff.garageId());
            if (settings.version != baseVersion) {
                throw new StaleVersionException("The response targets", baseVersion, settings.version);
            }
            Instant now = clock.now();
            settings.set(targets);
            settings.version++;
            settings.updatedAt = now;
            if (found == null) {
                settings.createdAt = now;
            }
            return settings.<ResponseTargetSettings>persistAndFlush()
                    .call(() -> audit.record(staff, ACTION, "garage", staff.garageId(), AuditOutcome.SUCCESS,
                            Map.of("warnBeforePercent", targets.warnBeforePercent()), now));
        });
    }

    private static Uni<ResponseTargetSettings> settingsOf(UUID garageId) {
        return ResponseTargetSettings.<ResponseTargetSettings>findById(garageId)
                .map(found -> found != null ? found : ResponseTargetSettings.defaults(garageId));
    }
}
