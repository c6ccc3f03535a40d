package com.garage.mobile.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every resource method of this BFF, found once among its beans, and which one a request is for:
 * the matched resource method while the framework knows it, else the one whose route the path
 * fits (a refusal raised before the resource method ran no longer carries the match). The filters
 * call {@code ResourceInfo.getResourceMethod()} themselves: seeing that, Quarkus registers the
 * resource classes' methods for reflection, so this works in a native image too.
 */
@ApplicationScoped
public class Endpoints {

    private static final Pattern PARAM = Pattern.compile("\\{\\s*([\\w.-]+)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    private final List<Endpoint> routes;
    private final Map<Method, List<Endpoint>> byMethod;

    public Endpoints(BeanManager beans) {
        List<Endpoint> found = new ArrayList<>();
        beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .map(bean -> bean.getBeanClass())
                .filter(type -> type.isAnnotationPresent(Path.class))
                .distinct()
                .forEach(type -> addRoutes(type, found));
        found.sort(Comparator.comparingInt(Endpoints::literalLength).reversed().thenComparing(Endpoint::route));
        this.routes = List.copyOf(found);
        // Several filters ask on every request: a lookup, not a walk comparing every route's Method.
        this.byMethod = routes.stream().collect(Collectors.groupingBy(Endpoint::method));
    }

    /** The endpoint a request reaches, if any; {@code matched} is the framework's match, or null. */
    public Optional<Endpoint> of(ContainerRequestContext request, Method matched) {
        Optional<Endpoint> endpoint = matched == null ? Optional.empty()
                : byMethod.getOrDefault(matched, List.of()).stream()
                        .filter(route -> route.httpMethod().equals(request.getMethod())).findFirst();
        return endpoint.isPresent() ? endpoint : match(request.getMethod(), pathOf(request));
    }

    /** The request's path from the root, as the routes are written. */
    public static String pathOf(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.startsWith("/") ? path : "/" + path;
    }

    /** The endpoint a request with this method and path reaches, if any. */
    public Optional<Endpoint> match(String httpMethod, String path) {
        return routes.stream()
                .filter(route -> route.httpMethod().equals(httpMethod) && route.pattern().matcher(path).matches())
                .findFirst();
    }

    /** An endpoint on this path, whatever its HTTP method, if any. */
    public Optional<Endpoint> onPath(String path) {
        return routes.stream().filter(route -> route.pattern().matcher(path).matches()).findFirst();
    }

    /** All endpoints, in matching order. */
    public List<Endpoint> all() {
        return routes;
    }

    private static void addRoutes(Class<?> type, List<Endpoint> found) {
        for (Method method : type.getMethods()) {
            httpMethodOf(method).ifPresent(verb -> {
                String template = join(type.getAnnotation(Path.class).value(), pathOf(method));
                List<String> names = PARAM.matcher(template).results().map(param -> param.group(1)).toList();
                found.add(new Endpoint(verb, template, method, compile(template), names));
            });
        }
    }

    private static Optional<String> httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    private static String pathOf(Method method) {
        Path path = method.getAnnotation(Path.class);
        return path == null ? "" : path.value();
    }

    private static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher param = PARAM.matcher(template);
        int at = 0;
        while (param.find()) {
            regex.append(Pattern.quote(template.substring(at, param.start())));
            regex.append('(').append(param.group(2) != null ? param.group(2).trim() : "[^/]+").append(')');
            at = param.end();
        }
        regex.append(Pattern.quote(template.substring(at))).append("/?");
        return Pattern.compile(regex.toString());
    }

    private static int literalLength(Endpoint endpoint) {
        return PARAM.matcher(endpoint.route()).replaceAll("").length();
    }
}
