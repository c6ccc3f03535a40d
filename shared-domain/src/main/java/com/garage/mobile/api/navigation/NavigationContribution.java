package com.garage.mobile.api.navigation;

import java.util.List;

/**
 * A feature's sections of the apps' shells, contributed as a CDI bean from the feature's own
 * package; {@link NavigationResource} gathers those of its app and lists each only to those
 * holding its capability. See docs/navigation.md.
 */
public interface NavigationContribution {

    List<NavigationEntry> entries();
}
