package com.garage.mobile.platform.live;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Takes the messages apps send on the live channel and hands each to the feature that knows its
 * {@code type}. What cannot be taken is answered with a {@code rejected} notice naming the problem
 * type, never by closing the connection; the message's content is never logged.
 */
@ApplicationScoped
public class LiveInbox {

    /** The most characters an inbound message may have; apps send small signals, not content. */
    static final int MAX_LENGTH = 2048;
    private static final Logger LOG = Logger.getLogger(LiveInbox.class);

    private final Map<String, LiveInbound> byType;
    private final LiveSessions sessions;

    public LiveInbox(Instance<LiveInbound> inbound, LiveSessions sessions) {
        this.byType = inbound.stream().collect(Collectors.toUnmodifiableMap(LiveInbound::type, Function.identity()));
        this.sessions = sessions;
    }

    /**
     * Why a message was not taken.
     *
     * @param of      the message's {@code type}, when it had one
     * @param problem what a REST call would have answered (RFC 9457: {@code type}, {@code detail}, {@code errors})
     */
    @RegisterForReflection
    public record Rejected(String type, String of, Problem problem) {
    }

    public Uni<Void> receive(WebSocketConnection connection, String text) {
        Actor sender = sessions.actorOf(connection);
        if (sender == null) {
            return Uni.createFrom().voidItem();
        }
        JsonObject message;
        try {
            message = text.length() <= MAX_LENGTH ? new JsonObject(text) : null;
        } catch (DecodeException e) {
            message = null;
        }
        if (message == null) {
            return reject(connection, null, new ProblemException(ProblemType.MALFORMED_BODY,
                    "A message is one JSON object of at most " + MAX_LENGTH + " characters."));
        }
        String type = message.getValue("type") instanceof String named ? named : null;
        LiveInbound handler = type != null ? byType.get(type) : null;
        if (handler == null) {
            return reject(connection, type, ProblemException.invalidField("type", "is not a message the server takes"));
        }
        JsonObject taken = message;
        return Uni.createFrom().deferred(() -> handler.receive(sender, taken))
                .onFailure(ProblemException.class).recoverWithUni(e -> reject(connection, type, e))
                .onFailure().invoke(e -> LOG.warnf("A live %s message failed: %s", type, e.getClass().getSimpleName()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> reject(WebSocketConnection connection, String type, ProblemException problem) {
        sessions.reply(connection, new Rejected("rejected", type, problem.problem()));
        return Uni.createFrom().voidItem();
    }
}
