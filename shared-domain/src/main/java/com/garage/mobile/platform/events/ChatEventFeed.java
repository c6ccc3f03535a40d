package com.garage.mobile.platform.events;

import com.garage.mobile.domain.chat.ChatEventMessage;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** This pod's view of the chat event stream: every chat change committed by any pod of either BFF. */
@ApplicationScoped
public class ChatEventFeed {

    private final StreamTail<ChatEventMessage> tail;

    public ChatEventFeed(ReactiveRedisDataSource redis, EventBusConfig config) {
        this.tail = new StreamTail<>(redis, ChatEventMessage.class, config.chatStream(), config);
    }

    /** The events as they arrive on this pod; hot. */
    public Multi<ChatEventMessage> events() {
        return tail.values();
    }

    void start(@Observes StartupEvent startup) {
        tail.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        tail.stop();
    }
}
