package com.garage.mobile.domain.payment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
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

/** The garage's payment settings: read by its staff, changed by its advisors and admins. */
@ApplicationScoped
public class PaymentSettingsService {

    public static final String ACTION = "garage.payment-settings";

    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;

    public PaymentSettingsService(AuditTrail audit, AuditedAction audited, GarageClock clock) {
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
    }

    @WithSession
    public Uni<PaymentSettings> read(Actor staff) {
        return InvoiceQueries.settings(staff.garageId());
    }

    public Uni<PaymentSettings> change(Actor staff, DepositRule rule, int percentBp, long fixedMinor,
            long baseVersion) {
        return audited.run(staff, ACTION, "garage", staff.garageId(),
                () -> apply(staff, rule, percentBp, fixedMinor, baseVersion));
    }

    @WithTransaction
    Uni<PaymentSettings> apply(Actor staff, DepositRule rule, int percentBp, long fixedMinor, long baseVersion) {
        if (staff.isTechnician()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.FORBIDDEN,
                    "Payment settings are the garage's advisors' and admins'."));
        }
        requireConsistent(rule, percentBp, fixedMinor);
        return PaymentSettings.<PaymentSettings>findById(staff.garageId()).chain(found -> {
            PaymentSettings settings = found != null ? found : PaymentSettings.none(staff.garageId());
            if (settings.version != baseVersion) {
                throw new StaleVersionException("The payment settings", baseVersion, settings.version);
            }
            Instant now = clock.now();
            settings.depositRule = rule;
            settings.depositPercentBp = rule == DepositRule.PERCENTAGE ? percentBp : 0;
            settings.depositFixedMinor = rule == DepositRule.FIXED ? fixedMinor : 0;
            settings.updatedAt = now;
            if (found == null) {
                settings.createdAt = now;
            }
            return settings.<PaymentSettings>persistAndFlush()
                    .call(() -> audit.record(staff, ACTION, "garage", staff.garageId(), AuditOutcome.SUCCESS,
                            Map.of("depositRule", rule.name(), "depositPercentBp", settings.depositPercentBp,
                                    "depositFixedMinor", settings.depositFixedMinor), now));
        });
    }

    private static void requireConsistent(DepositRule rule, int percentBp, long fixedMinor) {
        if (rule == DepositRule.PERCENTAGE && (percentBp < 1 || percentBp > 10_000)) {
            throw ProblemException.invalidField("depositPercentBp", "must be between 1 and 10000 for a percentage");
        }
        if (rule == DepositRule.FIXED && fixedMinor < 1) {
            throw ProblemException.invalidField("depositFixedMinor", "must be at least 1 for a fixed deposit");
        }
    }
}
