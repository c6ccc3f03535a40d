package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.access.Actor;
import java.util.List;
import java.util.UUID;

/**
 * Who may follow one channel of a conversation: the garage's advisors and admins, these
 * technicians, and for the customer channel the conversation's customer. The same rule as reading
 * the channel over REST, taken at one moment.
 */
public record ChatAudience(UUID garageId, ChatChannel channel, UUID customerId, List<UUID> technicianIds) {

    public boolean includes(Actor actor) {
        if (!garageId.equals(actor.garageId())) {
            return false;
        }
        return switch (actor.role()) {
            case ADVISOR, ADMIN -> true;
            case TECHNICIAN -> technicianIds.contains(actor.personId());
            case CUSTOMER -> channel == ChatChannel.CUSTOMER && actor.personId().equals(customerId);
            case SYSTEM -> false;
        };
    }
}
