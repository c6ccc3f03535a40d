package com.garage.mobile.api.navigation;

import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.NavigationSection;
import java.util.Set;

/**
 * A section a feature adds to the shell of the apps it names, at a position (lower first; the
 * existing sections are ten apart so that a new one fits between them).
 */
public record NavigationEntry(Set<AppAudience> apps, int position, NavigationSection section) {

    /** A section of one app's shell. */
    public static NavigationEntry of(AppAudience app, int position, NavigationSection section) {
        return new NavigationEntry(Set.of(app), position, section);
    }

    /** A section both apps' shells show alike. */
    public static NavigationEntry everyApp(int position, NavigationSection section) {
        return new NavigationEntry(Set.of(AppAudience.values()), position, section);
    }
}
