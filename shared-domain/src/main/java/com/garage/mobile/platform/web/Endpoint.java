package com.garage.mobile.platform.web;

import jakarta.ws.rs.HttpMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource method, as the security filters see it: its route template, whether it changes
 * anything, and the annotations that ask for step-up, posture, a rate or an audit name.
 *
 * @param pattern        recognises the request paths of the route
 * @param parameterNames the route's path parameters, in the order {@code pattern} captures them
 */
public record Endpoint(String httpMethod, String route, Method method, Pattern pattern, List<String> parameterNames) {

    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    /** Whether the request may change data: anything but GET, HEAD and OPTIONS. */
    public boolean isMutating() {
        return !SAFE_METHODS.contains(httpMethod);
    }

    /** The annotation on the method, else on its class. */
    public <A extends Annotation> Optional<A> annotation(Class<A> type) {
        A onMethod = method.getAnnotation(type);
        return Optional.ofNullable(onMethod != null ? onMethod : method.getDeclaringClass().getAnnotation(type));
    }

    /** The value of a path parameter in a request path of this route. */
    public Optional<String> pathParameter(String path, String name) {
        Matcher matcher = pattern.matcher(path);
        int index = parameterNames.indexOf(name);
        return matcher.matches() && index >= 0 ? Optional.ofNullable(matcher.group(index + 1)) : Optional.empty();
    }

    /** How the audit trail names the endpoint when its resource method names no action. */
    public String label() {
        return httpMethod + " " + route;
    }
}
