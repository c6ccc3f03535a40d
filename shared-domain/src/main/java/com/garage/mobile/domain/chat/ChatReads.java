package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a person may read of the chat: their conversations, latest first, and a channel's history. */
@ApplicationScoped
public class ChatReads {

    private static final String TECHNICIANS = " and (jobId in (select a.jobId from JobAssignment a"
            + " where a.technicianId = :person) or id in (select p.conversationId from ChatParticipant p"
            + " where p.staffId = :person))";

    private final ConversationAccess access;

    public ChatReads(ConversationAccess access) {
        this.access = access;
    }

    /**
     * The conversations the actor takes part in, by their last message: for a customer, the last of
     * the customer channel, so that workshop talk never moves anything on their screen.
     */
    @WithSession
    public Uni<Page<VisibleConversation>> conversations(Actor actor, PageCursor after, int limit) {
        boolean customer = actor.role() == ActorRole.CUSTOMER;
        String sortKey = customer ? "customerLastAt" : "updatedAt";
        StringBuilder query = new StringBuilder("garageId = :garage");
        Map<String, Object> params = new HashMap<>();
        params.put("garage", actor.garageId());
        if (customer || actor.isTechnician()) {
            query.append(customer ? " and customerId = :person" : TECHNICIANS);
            params.put("person", actor.personId());
        }
        if (after != null) {
            query.append(" and (%1$s < :afterKey or (%1$s = :afterKey and id > :afterId))".formatted(sortKey));
            params.put("afterKey", after.sortKey());
            params.put("afterId", after.id());
        }
        query.append(" order by ").append(sortKey).append(" desc, id");
        return Conversation.<Conversation>find(query.toString(), params).page(0, limit + 1).list()
                .chain(rows -> access.channelsOf(actor, rows))
                .chain(rows -> withCursors(actor, rows))
                .map(rows -> Page.of(rows, limit, row -> new PageCursor(sortOf(row.conversation(), customer),
                        row.conversation().id), row -> row));
    }

    @WithSession
    public Uni<VisibleConversation> conversation(Actor actor, UUID conversationId) {
        return access.require(actor, conversationId).chain(visible -> withCursor(actor, visible));
    }

    /** The customer's general conversation, for questions outside a job. */
    @WithSession
    public Uni<VisibleConversation> general(Actor customer) {
        return Conversation.<Conversation>find("garageId = ?1 and customerId = ?2 and jobId is null",
                        customer.garageId(), customer.personId()).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Conversation"))
                .chain(found -> access.require(customer, found.id))
                .chain(visible -> withCursor(customer, visible));
    }

    /** The job's conversation, when the actor may see some channel of it. */
    @WithSession
    public Uni<VisibleConversation> ofJob(Actor actor, UUID jobId) {
        return Conversation.<Conversation>find("garageId = ?1 and jobId = ?2", actor.garageId(), jobId)
                .firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Job"))
                .chain(found -> access.require(actor, found.id))
                .chain(visible -> withCursor(actor, visible));
    }

    /**
     * A page of a channel's messages: after a number, oldest first (catching up); otherwise before
     * a number, or from the newest, newest first (scrolling back).
     */
    @WithSession
    public Uni<Page<ChatMessage>> history(Actor actor, UUID conversationId, ChatChannel channel, Long after,
            Long before, int limit) {
        return access.requireChannel(actor, conversationId, channel).chain(conversation -> {
            boolean forward = after != null;
            String query = "conversationId = ?1 and channel = ?2 and seq " + (forward ? "> ?3 order by seq"
                    : "< ?3 order by seq desc");
            long from = forward ? after : before != null ? before : Long.MAX_VALUE;
            return ChatMessage.<ChatMessage>find(query, conversation.id, channel, from).page(0, limit + 1).list();
        }).map(rows -> Page.encodedBy(rows, limit, row -> Long.toString(row.seq), row -> row));
    }

    private static Uni<VisibleConversation> withCursor(Actor actor, VisibleConversation visible) {
        return withCursors(actor, List.of(visible)).map(List::getFirst);
    }

    /** The reader's read cursors of the conversations, for their unread counts. */
    private static Uni<List<VisibleConversation>> withCursors(Actor actor, List<VisibleConversation> visible) {
        if (visible.isEmpty()) {
            return Uni.createFrom().item(visible);
        }
        List<UUID> ids = visible.stream().map(v -> v.conversation().id).toList();
        return ReadCursor.<ReadCursor>list("personId = ?1 and array_has(?2, conversationId)",
                        actor.personId(), ids.toArray(UUID[]::new))
                .map(cursors -> visible.stream().map(v -> new VisibleConversation(v.conversation(), v.channels(),
                        cursors.stream().filter(c -> c.conversationId.equals(v.conversation().id))
                                .collect(Collectors.toMap(c -> c.channel, c -> c.readSeq)))).toList());
    }

    private static Instant sortOf(Conversation conversation, boolean customer) {
        return customer ? conversation.customerLastAt : conversation.updatedAt;
    }
}
