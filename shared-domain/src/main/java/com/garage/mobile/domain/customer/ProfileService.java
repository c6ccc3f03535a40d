package com.garage.mobile.domain.customer;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.event.Changed;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A customer edits their own profile; the audit entry names the fields, never their values. */
@ApplicationScoped
public class ProfileService {

    public static final String ACTION = "profile.update";

    private final CustomerRepository customers;
    private final AuditTrail audit;
    private final ProfileChangeListener evictions;
    private final GarageClock clock;

    public ProfileService(CustomerRepository customers, AuditTrail audit, ProfileChangeListener evictions, GarageClock clock) {
        this.clock = clock;
        this.customers = customers;
        this.audit = audit;
        this.evictions = evictions;
    }

    /** The customer's own profile; any other customer's id is not found. */
    public Uni<Customer> requireOwn(Actor actor, UUID customerId) {
        return customerId.equals(actor.personId())
                ? customers.require(actor.garageId(), customerId)
                : Uni.createFrom().failure(ProblemException.notFound("Customer"));
    }

    /** Changes the profile and, once committed, evicts its cached copy on every pod. */
    public Uni<Changed<Customer>> update(Actor actor, UUID customerId, ProfileChange change, long baseVersion) {
        return apply(actor, customerId, change, baseVersion)
                .call(changed -> evictions.profileChanged(actor.garageId(), customerId));
    }

    @WithTransaction
    Uni<Changed<Customer>> apply(Actor actor, UUID customerId, ProfileChange change, long baseVersion) {
        return requireOwn(actor, customerId).chain(customer -> {
            if (customer.version != baseVersion) {
                throw new StaleVersionException("Your profile", baseVersion, customer.version);
            }
            Instant now = clock.now();
            List<String> fields = applyFields(customer, change);
            customer.updatedAt = now;
            return customers.flush()
                    .call(() -> audit.record(actor, ACTION, "customer", customer.id, AuditOutcome.SUCCESS,
                            Map.of("fields", fields), now))
                    .replaceWith(Changed.withoutEvents(customer));
        });
    }

    private static List<String> applyFields(Customer customer, ProfileChange change) {
        List<String> fields = new ArrayList<>();
        if (change.firstName() != null) {
            customer.firstName = change.firstName();
            fields.add("firstName");
        }
        if (change.lastName() != null) {
            customer.lastName = change.lastName();
            fields.add("lastName");
        }
        if (change.email() != null) {
            customer.email = change.email();
            fields.add("email");
        }
        if (change.phone() != null) {
            customer.phone = change.phone();
            fields.add("phone");
        }
        if (change.preferredLanguage() != null) {
            customer.preferredLanguage = change.preferredLanguage();
            fields.add("preferredLanguage");
        }
        return fields;
    }
}
