package com.garage.mobile.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The direction of the shared layers, for any root package: the domain knows nothing of the
 * platform or of web, WebSocket, Redis and OIDC types; the platform knows nothing of the apps;
 * no two feature packages depend on each other in a cycle.
 */
final class LayerRules {

    /** What the domain may never touch: request handling, sockets, the cache and token types. */
    static final String[] WEB_AND_INFRASTRUCTURE = {
        "jakarta.ws.rs..", "org.jboss.resteasy..", "io.quarkus.resteasy..", "io.quarkus.vertx.http..",
        "io.vertx.core.http..", "io.vertx.ext.web..", "io.vertx.mutiny.core.http..", "io.vertx.mutiny.ext.web..",
        "io.quarkus.websockets..", "io.quarkus.redis..", "io.vertx.redis..", "io.vertx.mutiny.redis..",
        "org.eclipse.microprofile.jwt..", "io.quarkus.oidc..", "io.quarkus.security.identity..",
        "io.quarkus.security.runtime.."};

    private LayerRules() {
    }

    static ArchRule domainIsFreeOfWebAndInfrastructure(String root) {
        return noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(WEB_AND_INFRASTRUCTURE)
                .because("domain services are called the same way by requests, webhooks and schedulers");
    }

    static ArchRule domainDoesNotKnowThePlatform(String root) {
        return noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".platform..", root + ".technician..",
                        root + ".customer..")
                .because("the platform is built over the domain, never the other way round");
    }

    static ArchRule platformDoesNotKnowTheApps(String root) {
        return noClasses().that().resideInAPackage(root + ".platform..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".technician..", root + ".customer..")
                .because("both apps share the platform");
    }

    static ArchRule platformDoesNotKnowTheSharedEndpoints(String root) {
        return noClasses().that().resideInAnyPackage(root + ".platform..", root + ".domain..")
                .should().dependOnClassesThat().resideInAPackage(root + ".api..")
                .because("features plug into the platform through its interfaces, never the other way round");
    }

    static ArchRule featurePackagesAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*).(*)..").should().beFreeOfCycles();
    }
}
