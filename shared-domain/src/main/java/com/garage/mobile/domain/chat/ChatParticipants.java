package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.staff.Staff;
import com.garage.mobile.domain.staff.StaffRepository;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * An advisor adds a technician to a conversation (they then see its customer channel) or takes
 * them off. Asking for the state it is already in changes nothing, so a retry is harmless.
 */
@ApplicationScoped
public class ChatParticipants {

    public static final String ADD = "chat.add-technician";
    public static final String REMOVE = "chat.remove-technician";

    private final ConversationAccess access;
    private final StaffRepository staff;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;

    public ChatParticipants(ConversationAccess access, StaffRepository staff, AuditTrail audit, AuditedAction audited,
            GarageClock clock) {
        this.access = access;
        this.staff = staff;
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
    }

    public Uni<Void> add(Actor actor, UUID conversationId, UUID technicianId) {
        return audited.run(actor, ADD, "chat-conversation", conversationId,
                () -> change(actor, conversationId, technicianId, true));
    }

    public Uni<Void> remove(Actor actor, UUID conversationId, UUID technicianId) {
        return audited.run(actor, REMOVE, "chat-conversation", conversationId,
                () -> change(actor, conversationId, technicianId, false));
    }

    @WithTransaction
    Uni<Void> change(Actor actor, UUID conversationId, UUID technicianId, boolean add) {
        return access.require(actor, conversationId)
                .call(() -> requireTechnician(actor.garageId(), technicianId))
                .chain(visible -> ChatParticipant.<ChatParticipant>find("conversationId = ?1 and staffId = ?2",
                                conversationId, technicianId).firstResult()
                        .chain(existing -> apply(actor, visible.conversation(), technicianId, existing, add)));
    }

    private Uni<Void> apply(Actor actor, Conversation conversation, UUID technicianId, ChatParticipant existing,
            boolean add) {
        boolean changed = add == (existing == null);
        Map<String, Object> detail = Map.of("technicianId", technicianId.toString(), "changed", changed);
        Uni<Void> write = Uni.createFrom().voidItem();
        if (changed && add) {
            ChatParticipant participant = new ChatParticipant();
            participant.conversationId = conversation.id;
            participant.staffId = technicianId;
            participant.garageId = conversation.garageId;
            participant.addedBy = actor.personId();
            participant.addedAt = clock.now();
            write = participant.persist().replaceWithVoid();
        } else if (changed) {
            write = existing.delete();
        }
        return write.call(() -> audit.record(actor, add ? ADD : REMOVE, "chat-conversation", conversation.id,
                AuditOutcome.SUCCESS, detail, clock.now())).replaceWithVoid();
    }

    private Uni<Staff> requireTechnician(UUID garageId, UUID technicianId) {
        return staff.find("garageId = ?1 and id = ?2", garageId, technicianId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Technician"))
                .invoke(found -> {
                    if (found.role != ActorRole.TECHNICIAN || !found.active) {
                        throw ProblemException.invalidField("technicianId",
                                "is not an active technician of this garage");
                    }
                });
    }
}
