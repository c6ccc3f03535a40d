package com.garage.mobile.domain.notification;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A PostgreSQL advisory lock held to the end of the current transaction. It orders writers of a
 * row that may not exist yet (a person's first settings, a token's first device), where a row
 * lock has nothing to hold on to.
 */
@ApplicationScoped
public class AdvisoryLock {

    /**
     * Run as an update, as its result is of no use: Hibernate Reactive makes a new plan on every run
     * of a native select (docs/performance.md, seventeenth step), and none for an update.
     */
    public Uni<Void> hold(String key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", key).executeUpdate()).replaceWithVoid();
    }
}
