package com.garage.mobile.api.appshell;

/**
 * What the web app needs before anyone signs in: which app it is and where to sign in.
 *
 * @param app {@code technician} or {@code customer}: which screens the shell registers
 * @param clientId the public OIDC client
 * @param scope the scopes to ask for
 * @param authorizationEndpoint where the browser goes to sign in (PKCE S256)
 * @param tokenEndpoint where the app exchanges the code and refreshes tokens
 * @param endSessionEndpoint where the browser goes to sign out, or null when the provider has none
 * @param version the app's version, a dotted version the API accepts as {@code X-App-Version}
 * @param webPushKey the VAPID public key (base64url) a browser subscribes to pushes with, or null when this server
 *        sends no Web Push
 */
public record AppShellSettings(String app, String clientId, String scope, String authorizationEndpoint,
        String tokenEndpoint, String endSessionEndpoint, String version, String webPushKey) {
}
