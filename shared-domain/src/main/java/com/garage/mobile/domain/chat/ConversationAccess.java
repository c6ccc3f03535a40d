package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.job.JobAssignment;
import com.garage.mobile.domain.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies {@link ChatVisibility} to stored conversations. A conversation or channel the reader may
 * not see is "not found", never "forbidden", so its existence is not given away.
 */
@ApplicationScoped
public class ConversationAccess {

    /** The conversation with the channels the actor may see; 404 when none. */
    public Uni<VisibleConversation> require(Actor actor, UUID conversationId) {
        return Conversation.<Conversation>findById(conversationId).chain(found -> visible(actor, found));
    }

    /** The conversation locked for a send, when the actor may use the channel; else 404. */
    Conversation requireChannel(Actor actor, SendingConversation sending, ChatChannel channel) {
        if (sending == null) {
            throw ProblemException.notFound("Conversation");
        }
        Conversation conversation = sending.conversation();
        Set<ChatChannel> visible = channels(actor, conversation, actor.isTechnician() && sending.onJob(),
                actor.isTechnician() && sending.added());
        if (visible.isEmpty()) {
            throw ProblemException.notFound("Conversation");
        }
        requireChannel(new VisibleConversation(conversation, visible), channel);
        return conversation;
    }

    /** The channel of the conversation, if the actor may see it; else 404. */
    public Uni<Conversation> requireChannel(Actor actor, UUID conversationId, ChatChannel channel) {
        return require(actor, conversationId).invoke(visible -> requireChannel(visible, channel))
                .map(VisibleConversation::conversation);
    }

    /** The channels the actor may see of each of these conversations, all of the actor's garage. */
    public Uni<List<VisibleConversation>> channelsOf(Actor actor, List<Conversation> conversations) {
        if (!actor.isTechnician()) {
            return Uni.createFrom().item(conversations.stream()
                    .map(c -> new VisibleConversation(c, channels(actor, c, false, false))).toList());
        }
        return JobAssignment.<JobAssignment>list("technicianId", actor.personId())
                .chain(assigned -> ChatParticipant.<ChatParticipant>list("staffId", actor.personId())
                        .map(added -> {
                            Set<UUID> jobs = new HashSet<>(assigned.stream().map(a -> a.jobId).toList());
                            Set<UUID> joined = new HashSet<>(added.stream().map(p -> p.conversationId).toList());
                            return conversations.stream().map(c -> new VisibleConversation(c, channels(actor, c,
                                    c.jobId != null && jobs.contains(c.jobId), joined.contains(c.id)))).toList();
                        }));
    }

    private Uni<VisibleConversation> visible(Actor actor, Conversation found) {
        if (found == null || !found.garageId.equals(actor.garageId())) {
            return Uni.createFrom().failure(ProblemException.notFound("Conversation"));
        }
        return channelsOf(actor, List.of(found)).map(List::getFirst).invoke(visible -> {
            if (visible.channels().isEmpty()) {
                throw ProblemException.notFound("Conversation");
            }
        });
    }

    private static Set<ChatChannel> channels(Actor actor, Conversation c, boolean onJob, boolean added) {
        return ChatVisibility.channels(actor.role(), c.isGeneral(), c.customerId.equals(actor.personId()), onJob,
                added);
    }

    private static void requireChannel(VisibleConversation visible, ChatChannel channel) {
        if (!visible.channels().contains(channel)) {
            throw ProblemException.notFound("Conversation channel");
        }
    }
}
