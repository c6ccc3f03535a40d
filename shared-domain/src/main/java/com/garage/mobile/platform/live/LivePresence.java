package com.garage.mobile.platform.live;

import com.garage.mobile.platform.problem.LoggedFailure;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Which of a person's devices have a live socket open now, on any pod: a Redis sorted set per
 * person, one member per socket, scored with the moment it lapses (Redis' clock, so pods' clocks
 * never disagree). Each heartbeat of the socket pushes the moment on; a pod that dies stops
 * pushing, and its sockets lapse within {@code garage.live.heartbeat-timeout}. A socket whose app
 * did not name its device counts for no device.
 */
@ApplicationScoped
public class LivePresence {

    static final String PREFIX = "garage:live:presence:";
    private static final Logger LOG = Logger.getLogger(LivePresence.class);
    private static final String NOW = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000) ";
    private static final String PRESENT = NOW + """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1""";
    private static final String LIVE = NOW + """
            local found = {}
            for i, key in ipairs(KEYS) do
                for j, member in ipairs(redis.call('ZRANGEBYSCORE', key, '(' .. now, '+inf')) do
                    table.insert(found, member)
                end
            end
            return found""";

    private final ReactiveRedisDataSource redis;
    private final LiveConfig config;

    public LivePresence(ReactiveRedisDataSource redis, LiveConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** The socket is there (opened, or answered a heartbeat) for the next heartbeat timeout. */
    Uni<Void> present(UUID personId, UUID deviceId, String connectionId) {
        return redis.execute("EVAL", PRESENT, "1", PREFIX + personId, member(personId, deviceId, connectionId),
                        Long.toString(config.heartbeatTimeout().toMillis()))
                .onFailure().invoke(e -> LOG.warnf("Live presence not recorded: %s", LoggedFailure.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** The socket closed. */
    Uni<Void> gone(UUID personId, UUID deviceId, String connectionId) {
        return redis.execute("ZREM", PREFIX + personId, member(personId, deviceId, connectionId))
                .onFailure().invoke(e -> LOG.warnf("Live presence not removed: %s", LoggedFailure.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * The devices of these people that have a live socket now. When Redis cannot say, none: a push
     * too many is better than a message nobody hears of.
     */
    public Uni<Set<UUID>> liveDevices(Collection<UUID> people) {
        if (people.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<String> args = new ArrayList<>();
        args.add(LIVE);
        args.add(Integer.toString(people.size()));
        people.forEach(person -> args.add(PREFIX + person));
        return redis.execute("EVAL", args.toArray(String[]::new))
                .map(LivePresence::devices)
                .onFailure().invoke(e -> LOG.warnf("Live presence unknown, pushing to every device: %s",
                        LoggedFailure.describe(e)))
                .onFailure().recoverWithItem(Set.of());
    }

    private static Set<UUID> devices(Response members) {
        Set<UUID> devices = new HashSet<>();
        members.forEach(member -> devices.add(UUID.fromString(member.toString().split("/")[1])));
        return devices;
    }

    private static String member(UUID personId, UUID deviceId, String connectionId) {
        return personId + "/" + deviceId + "/" + connectionId;
    }
}
