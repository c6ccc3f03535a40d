package com.garage.mobile.platform.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.events.JobEventStream;
import com.garage.mobile.platform.offline.MutationHandler.Applied;
import com.garage.mobile.platform.offline.MutationResult.Kind;
import com.garage.mobile.platform.security.stepup.StepUpConfig;
import com.garage.mobile.platform.security.stepup.StepUpPolicy;
import com.garage.mobile.platform.security.stepup.StepUpRequiredException;
import com.garage.mobile.platform.web.RequestInfo;
import com.garage.mobile.platform.web.VersionedView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hibernate.StaleStateException;

/**
 * Applies an app's batch of offline mutations in order, each in a transaction of its own that
 * also records its result, so that a replay (after a lost answer) returns the first result and
 * changes nothing. A refused mutation does not stop the others; it is audited, and recorded too,
 * except when it lacks a step-up: the app sends it again after a strong sign-in.
 */
@ApplicationScoped
public class OfflineWrites {

    /** The most mutations one batch may carry; an app with more queued sends several batches. */
    public static final int MAX_BATCH = 50;
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final MutationLedger ledger;
    private final PayloadReader payloads;
    private final StepUpPolicy stepUp;
    private final StepUpConfig stepUpConfig;
    private final AuditTrail audit;
    private final JobEventStream stream;
    private final RequestInfo request;
    private final ObjectMapper json;
    private final GarageClock clock;

    public OfflineWrites(MutationLedger ledger, PayloadReader payloads, StepUpPolicy stepUp,
            StepUpConfig stepUpConfig, AuditTrail audit, JobEventStream stream, RequestInfo request,
            ObjectMapper json, GarageClock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.payloads = payloads;
        this.stepUp = stepUp;
        this.stepUpConfig = stepUpConfig;
        this.audit = audit;
        this.stream = stream;
        this.request = request;
        this.json = json;
    }

    /** One mutation's result to answer, and the events to publish once it is committed. */
    private record Outcome(JsonNode result, List<JobEventMessage> events) {
    }

    /**
     * Applies the batch in order.
     *
     * @param handlers the app's operations, by {@link #key(String, String)}
     */
    public Uni<List<JsonNode>> apply(Actor actor, JsonWebToken token, String deviceId,
            List<? extends OfflineMutation> mutations, Map<String, MutationHandler<?>> handlers) {
        request.useDevice(deviceId);
        Actor fromDevice = actor.from(Origin.app(deviceId, request.clientIp(), request.requestId()));
        return Multi.createFrom().iterable(mutations)
                .onItem().transformToUniAndConcatenate(mutation -> one(fromDevice, token, deviceId, mutation,
                        handlers.get(key(mutation.entityName(), mutation.operationName()))))
                .collect().asList();
    }

    public static String key(String entity, String operation) {
        return entity + " " + operation;
    }

    private Uni<JsonNode> one(Actor actor, JsonWebToken token, String deviceId, OfflineMutation mutation,
            MutationHandler<?> handler) {
        String hash = fingerprint(mutation);
        return Panache.withTransaction(() -> ledger.hold(actor, mutation.clientMutationId())
                        .chain(() -> ledger.first(actor, mutation.clientMutationId()))
                        .chain(first -> first != null
                                ? replay(first, hash)
                                : applyNew(actor, token, deviceId, mutation, handler, hash)))
                .onFailure(e -> e instanceof OptimisticLockException || e instanceof StaleStateException)
                .transform(e -> new ProblemException(ProblemType.STALE_VERSION,
                        "It changed while your change was being applied."))
                .call(outcome -> stream.publish(outcome.events()))
                .map(Outcome::result)
                .onFailure(ProblemException.class)
                .recoverWithUni(e -> refused(actor, deviceId, mutation, handler, hash, e));
    }

    private static Uni<Outcome> replay(MutationLedger.Entry first, String hash) {
        if (!first.requestHash().equals(hash)) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This clientMutationId was already used for a different mutation.");
        }
        return Uni.createFrom().item(new Outcome(first.result(), List.of()));
    }

    private <P> Uni<Outcome> applyNew(Actor actor, JsonWebToken token, String deviceId, OfflineMutation mutation,
            MutationHandler<P> handler, String hash) {
        if (handler == null) {
            throw ProblemException.invalidField("operation", "is not an operation on " + mutation.entityName());
        }
        if (handler.needsBaseVersion() && mutation.baseVersion() == null) {
            throw ProblemException.invalidField("baseVersion", "is required: send the version you changed");
        }
        if (!handler.needsBaseVersion() && mutation.baseVersion() != null) {
            throw ProblemException.invalidField("baseVersion", "must be absent: this operation creates a record");
        }
        P payload = payloads.read(mutation.payload(), handler.payloadType());
        requireStepUp(token, handler.stepUpAction(payload));
        return handler.apply(actor, mutation.entityId(), mutation.baseVersion(), payload).chain(applied -> {
            JsonNode result = tree(new MutationResult(mutation.clientMutationId(), Kind.APPLIED,
                    mutation.entityName(), mutation.operationName(), mutation.entityId(), applied.version(),
                    applied.record(), null, null));
            return ledger.record(actor, deviceId, mutation, hash, Kind.APPLIED, result)
                    .replaceWith(new Outcome(result, applied.events()));
        });
    }

    private void requireStepUp(JsonWebToken token, String action) {
        if (action == null) {
            return;
        }
        stepUp.shortfall(token, clock.now()).ifPresent(shortfall -> {
            throw new StepUpRequiredException(action, shortfall, stepUpConfig.acrValues(), stepUpConfig.maxAge());
        });
    }

    /** Audits the refusal and, unless the app should send the mutation again, records its result. */
    private Uni<JsonNode> refused(Actor actor, String deviceId, OfflineMutation mutation, MutationHandler<?> handler,
            String hash, ProblemException refusal) {
        boolean conflict = refusal.problem().type().equals(ProblemType.STALE_VERSION.uri()) && handler != null;
        boolean retryable = refusal instanceof StepUpRequiredException
                || refusal.problem().type().equals(ProblemType.IDEMPOTENCY_KEY_REUSED.uri());
        String action = handler != null ? handler.action() : "sync.mutation";
        String resource = handler != null ? handler.resourceType() : mutation.entityName();
        Map<String, Object> detail = Map.of("problem", refusal.problem().type(),
                "clientMutationId", mutation.clientMutationId().toString());
        return Panache.withTransaction(() -> (conflict ? handler.current(actor, mutation.entityId())
                        : Uni.createFrom().item(clash(refusal)))
                .chain(current -> {
                    JsonNode result = tree(refusalResult(mutation, refusal, current));
                    Kind kind = current != null ? Kind.CONFLICT : Kind.REJECTED;
                    AuditOutcome outcome = current != null ? AuditOutcome.CONFLICT : AuditOutcome.REFUSED;
                    return audit.record(actor, action, resource, mutation.entityId(), outcome, detail,
                                    clock.now())
                            .chain(() -> retryable ? Uni.createFrom().voidItem()
                                    : ledger.record(actor, deviceId, mutation, hash, kind, result))
                            .replaceWith(result);
                }));
    }

    /**
     * A 409 that names the record it clashes with (a time entry overlapping another) is a conflict
     * too, answered with that record; null for any other refusal.
     */
    private static Applied clash(ProblemException refusal) {
        Problem problem = refusal.problem();
        if (problem.status() != 409 || problem.current() == null) {
            return null;
        }
        long version = problem.current() instanceof VersionedView versioned ? versioned.version() : 0;
        return Applied.of(problem.current(), version);
    }

    private MutationResult refusalResult(OfflineMutation mutation, ProblemException refusal, Applied current) {
        // Without the request's id and path: a replay answers exactly what the first delivery did.
        Problem problem = new Problem(refusal.problem().type(), refusal.problem().title(), refusal.problem().status(),
                refusal.problem().detail(), null, null, refusal.problem().errors(), null);
        MutationResult.StepUpHint hint = refusal instanceof StepUpRequiredException
                ? new MutationResult.StepUpHint(List.copyOf(new TreeSet<>(stepUpConfig.acrValues())),
                        stepUpConfig.maxAge().toSeconds())
                : null;
        return new MutationResult(mutation.clientMutationId(), current != null ? Kind.CONFLICT : Kind.REJECTED,
                mutation.entityName(), mutation.operationName(), mutation.entityId(),
                current != null ? current.version() : null, current != null ? current.record() : null, problem, hint);
    }

    private JsonNode tree(MutationResult result) {
        return json.valueToTree(result);
    }

    /** The mutation as a hash that does not depend on the order of its payload's fields. */
    private static String fingerprint(OfflineMutation mutation) {
        ObjectNode canonical = CANONICAL.createObjectNode()
                .put("entity", mutation.entityName())
                .put("operation", mutation.operationName())
                .put("entityId", String.valueOf(mutation.entityId()))
                .put("baseVersion", mutation.baseVersion());
        canonical.set("payload", mutation.payload() == null || mutation.payload().isNull()
                ? CANONICAL.createObjectNode() : mutation.payload());
        try {
            byte[] text = CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(canonical, Object.class));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the mutation", e);
        }
    }
}
