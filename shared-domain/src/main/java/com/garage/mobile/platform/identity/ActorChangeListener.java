package com.garage.mobile.platform.identity;

import com.garage.mobile.platform.problem.LoggedFailure;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Listens on PostgreSQL's `actor_changed` channel, which a trigger on `staff` and `customer` notifies
 * whenever a person's sign-in, role or standing changes, and makes {@link ActorCache} forget them.
 * Its own connection reconnects after a break; on every (re)subscription the whole cache is
 * forgotten, since changes made while it was away were not heard.
 */
@ApplicationScoped
public class ActorChangeListener {

    static final String CHANNEL = "actor_changed";
    private static final Logger LOG = Logger.getLogger(ActorChangeListener.class);
    private static final long RECONNECT_DELAY_MILLIS = 1_000;

    private final PgSubscriber subscriber;
    private final ActorCache actors;

    public ActorChangeListener(Vertx vertx, ActorCache actors,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password);
        this.subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> RECONNECT_DELAY_MILLIS);
        this.actors = actors;
    }

    void start(@Observes StartupEvent startup) {
        subscriber.channel(CHANNEL)
                .subscribeHandler(() -> actors.forgetAll().subscribe().with(done -> { }))
                .handler(this::changed);
        subscriber.connect().subscribe().with(connected -> { },
                failure -> LOG.warnf("Listening for changed people failed: %s", LoggedFailure.describe(failure)));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        subscriber.closeAndForget();
    }

    /** The payload is the garage id, a space, and the subject. */
    private void changed(String payload) {
        int space = payload.indexOf(' ');
        if (space < 0) {
            return;
        }
        UUID garageId = UUID.fromString(payload.substring(0, space));
        actors.forget(garageId, payload.substring(space + 1)).subscribe().with(done -> { });
    }
}
