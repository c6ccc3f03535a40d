package com.garage.mobile.domain.access;

import java.util.List;

/** The menu of an app's shell as one actor sees it, in menu order. */
public record Navigation(String role, List<NavigationSection> sections) {

    public static Navigation of(Actor actor, List<NavigationSection> menu) {
        return new Navigation(actor.role().claimValue(),
                menu.stream().map(section -> section.visibleTo(actor)).filter(s -> s != null).toList());
    }
}
