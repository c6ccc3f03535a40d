package com.garage.mobile.api.chat;

import com.garage.mobile.domain.chat.ChatEventMessage;
import com.garage.mobile.platform.events.ChatEventStream;
import com.garage.mobile.platform.live.StoredEventHistory;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;

/** Reads chat events back from PostgreSQL to replay a reconnect; chat has no lines to fill gaps in. */
@Singleton
public class ChatEventHistory extends StoredEventHistory<ChatEventMessage> {

    public ChatEventHistory(Pool pool, ChatEventStream stream) {
        super(pool, stream, "chat_event", ChatEventMessage.COLUMNS, "customer_id = $6 and channel = 'CUSTOMER'",
                "$6 = any(technician_ids)");
    }
}
