package com.garage.mobile.domain.access;

import java.util.List;

/**
 * A section of an app's shell: shown only to those holding its capability, with the actions
 * (capabilities) the caller may use there.
 */
public record NavigationSection(String id, String title, String path, String capability, List<String> actions) {

    /** This section as the actor sees it, or null if the actor may not open it. */
    public NavigationSection visibleTo(Actor actor) {
        if (!actor.role().capabilities().contains(capability)) {
            return null;
        }
        return new NavigationSection(id, title, path, capability,
                actions.stream().filter(actor.role().capabilities()::contains).toList());
    }
}
