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

    public Uni<Void> hold(String key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select cast(pg_advisory_xact_lock(hashtextextended(:key, 0)) as text)", String.class)
                .setParameter("key", key).getSingleResult()).replaceWithVoid();
    }
}
