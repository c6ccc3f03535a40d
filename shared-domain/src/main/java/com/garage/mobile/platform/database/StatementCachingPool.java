package com.garage.mobile.platform.database;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The PostgreSQL pool as Quarkus makes it, but keeping statements of up to 16 KB prepared, not the client's 2 KB. The
 * sync's scope statement (every type's members with their revs, in one union) is about 4 KB: past the limit it was
 * parsed and planned afresh on every sync (11 ms of a 30 ms change-log read, docs/performance.md); prepared,
 * PostgreSQL settles on one plan for it after five calls on a connection.
 */
@ApplicationScoped
public class StatementCachingPool implements PgPoolCreator {

    private static final int PREPARED_SQL_LIMIT = 16 * 1024;

    @Override
    public Pool create(Input input) {
        input.pgConnectOptionsList().forEach(options -> options.setPreparedStatementCacheSqlLimit(PREPARED_SQL_LIMIT));
        return PgDriver.INSTANCE.createPool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
    }
}
