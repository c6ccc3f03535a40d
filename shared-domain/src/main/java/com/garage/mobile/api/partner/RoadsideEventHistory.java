package com.garage.mobile.api.partner;

import com.garage.mobile.domain.partner.roadside.RoadsideEventMessage;
import com.garage.mobile.platform.live.StoredEventHistory;
import com.garage.mobile.platform.partner.roadside.RoadsideEventStream;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;

/** Reads roadside events back from PostgreSQL to replay a reconnect: the customer's own; technicians none. */
@Singleton
public class RoadsideEventHistory extends StoredEventHistory<RoadsideEventMessage> {

    public RoadsideEventHistory(Pool pool, RoadsideEventStream stream) {
        super(pool, stream, "roadside_event", RoadsideEventMessage.COLUMNS, "customer_id = $6",
                "false and $6::uuid is not null");
    }
}
