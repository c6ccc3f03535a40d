package com.garage.mobile.api.chat;

import com.garage.mobile.api.navigation.NavigationContribution;
import com.garage.mobile.api.navigation.NavigationEntry;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.NavigationSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The conversations one takes part in, alike in both apps' shells. */
@ApplicationScoped
class ChatNavigation implements NavigationContribution {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(NavigationEntry.everyApp(45, new NavigationSection("chat", "Messages",
                "/api/v1/chat/conversations", Capability.CHAT_READ,
                List.of(Capability.CHAT_SEND, Capability.CHAT_MANAGE))));
    }
}
