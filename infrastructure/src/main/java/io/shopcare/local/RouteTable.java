package io.shopcare.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template's HttpApi routes, selected as API Gateway selects them: the most specific route
 * wins (a literal segment beats a {@code {parameter}}, which beats a greedy {@code {proxy+}};
 * a route for the method beats {@code ANY}); what nothing matches goes to the {@code $default}
 * route, if the template declares one.
 */
final class RouteTable {
    /** A selected route with its path parameters, already percent-decoded. */
    record Match(Template.HttpRoute route, LocalFunction function, Map<String, String> pathParameters) {
    }

    private enum Kind { LITERAL, VARIABLE, GREEDY }

    private record Segment(Kind kind, String text) {
        static Segment of(String template) {
            if (template.startsWith("{") && template.endsWith("+}")) {
                return new Segment(Kind.GREEDY, template.substring(1, template.length() - 2));
            }
            if (template.startsWith("{") && template.endsWith("}")) {
                return new Segment(Kind.VARIABLE, template.substring(1, template.length() - 1));
            }
            return new Segment(Kind.LITERAL, template);
        }
    }

    private record Route(Template.HttpRoute route, LocalFunction function, List<Segment> segments) {
        boolean anyMethod() {
            return "ANY".equals(route.method());
        }

        Map<String, String> parameters(List<String> path) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                Segment segment = segments.get(i);
                if (segment.kind() == Kind.GREEDY) {
                    if (i >= path.size() || path.subList(i, path.size()).stream().allMatch(String::isEmpty)) {
                        return null;
                    }
                    parameters.put(segment.text(), String.join("/", path.subList(i, path.size())));
                    return parameters;
                }
                if (i >= path.size()) {
                    return null;
                }
                String value = path.get(i);
                if (segment.kind() == Kind.LITERAL ? !segment.text().equals(value) : value.isEmpty()) {
                    return null;
                }
                if (segment.kind() == Kind.VARIABLE) {
                    parameters.put(segment.text(), value);
                }
            }
            return path.size() == segments.size() ? parameters : null;
        }
    }

    /** Earlier is more specific: compares segment kinds left to right, then method before ANY. */
    private static final Comparator<Route> SPECIFIC_FIRST = (a, b) -> {
        for (int i = 0; i < Math.min(a.segments().size(), b.segments().size()); i++) {
            int byKind = a.segments().get(i).kind().compareTo(b.segments().get(i).kind());
            if (byKind != 0) {
                return byKind;
            }
        }
        return Boolean.compare(a.anyMethod(), b.anyMethod());
    };

    private final List<Route> routes;
    private final Route defaultRoute;

    RouteTable(List<LocalFunction> functions, List<Template.Function> definitions) {
        List<Route> all = new ArrayList<>();
        Route fallback = null;
        for (int i = 0; i < functions.size(); i++) {
            for (Template.HttpRoute route : definitions.get(i).routes()) {
                if (route.isDefault()) {
                    fallback = new Route(route, functions.get(i), List.of());
                } else {
                    all.add(new Route(route, functions.get(i),
                            List.of(route.path().substring(1).split("/", -1)).stream().map(Segment::of).toList()));
                }
            }
        }
        all.sort(SPECIFIC_FIRST);
        this.routes = List.copyOf(all);
        this.defaultRoute = fallback;
    }

    /**
     * The route for a request, the {@code $default} route when none matches, or null when the
     * template has no {@code $default} route either.
     *
     * @param path the decoded segments of the path after its leading slash
     */
    Match match(String method, List<String> path) {
        for (Route route : routes) {
            if (!route.anyMethod() && !route.route().method().equals(method)) {
                continue;
            }
            Map<String, String> parameters = route.parameters(path);
            if (parameters != null) {
                return new Match(route.route(), route.function(), parameters);
            }
        }
        return defaultRoute == null ? null : new Match(defaultRoute.route(), defaultRoute.function(), Map.of());
    }
}
