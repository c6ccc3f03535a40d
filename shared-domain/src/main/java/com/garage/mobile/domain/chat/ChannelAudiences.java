package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.job.JobAssignment;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Who follows a channel now, for signals that are never stored (someone typing): the technicians
 * added to the conversation, and for a job's workshop channel those assigned to the job, as
 * {@code chat_channel_technicians} fixes them for stored events.
 */
@ApplicationScoped
public class ChannelAudiences {

    private final ConversationAccess access;

    public ChannelAudiences(ConversationAccess access) {
        this.access = access;
    }

    /** The channel's audience, if the actor may write in it; else 404. */
    @WithSession
    public Uni<ChatAudience> ofWriter(Actor actor, UUID conversationId, ChatChannel channel) {
        return access.requireChannel(actor, conversationId, channel)
                .chain(conversation -> technicians(conversation, channel).map(technicians -> new ChatAudience(
                        conversation.garageId, channel, conversation.customerId, technicians)));
    }

    private static Uni<List<UUID>> technicians(Conversation conversation, ChatChannel channel) {
        Uni<List<UUID>> assigned = channel == ChatChannel.WORKSHOP && conversation.jobId != null
                ? JobAssignment.<JobAssignment>list("jobId", conversation.jobId)
                        .map(found -> found.stream().map(a -> a.technicianId).toList())
                : Uni.createFrom().item(List.of());
        return assigned.chain(onJob -> ChatParticipant.<ChatParticipant>list("conversationId", conversation.id)
                .map(added -> {
                    TreeSet<UUID> all = new TreeSet<>(onJob);
                    added.forEach(participant -> all.add(participant.staffId));
                    return List.copyOf(all);
                }));
    }
}
