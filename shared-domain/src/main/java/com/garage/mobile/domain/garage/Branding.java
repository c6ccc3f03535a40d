package com.garage.mobile.domain.garage;

/**
 * How a garage's apps look: its name, logo and primary colour, with the colour shaded for each theme so that text
 * in it on the theme's surface, and the theme's surface colour on it, keep WCAG AA contrast ({@link ContrastRule}).
 *
 * @param garageName the garage's name, shown in the app bar
 * @param logoUrl where its logo is, or null
 * @param chosenPrimary the colour the garage chose, or the design system's when it chose none
 * @param primaryLight the primary colour used on the light theme's white surface
 * @param primaryDark the primary colour used on the dark theme's surface
 */
public record Branding(String garageName, String logoUrl, String chosenPrimary, String primaryLight,
        String primaryDark) {

    /** The design system's own primary colour (tokens.css {@code --color-primary}). */
    public static final String DEFAULT_PRIMARY = "#1f5fbf";
    /** The light theme's surface (tokens.css). */
    public static final String LIGHT_SURFACE = "#ffffff";
    /** The dark theme's surface (tokens.css). */
    public static final String DARK_SURFACE = "#121417";

    public static Branding of(Garage garage) {
        String chosen = ContrastRule.isColour(garage.brandPrimaryColour) ? garage.brandPrimaryColour.toLowerCase()
                : DEFAULT_PRIMARY;
        return new Branding(garage.name, garage.brandLogoUrl, chosen,
                ContrastRule.readableOn(chosen, LIGHT_SURFACE, ContrastRule.AA_NORMAL_TEXT),
                ContrastRule.readableOn(chosen, DARK_SURFACE, ContrastRule.AA_NORMAL_TEXT));
    }
}
