package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Route selection as API Gateway does it, whatever order the template declares the routes in. */
class RouteTableTest {
    private static final RequestHandler<Object, Object> NOTHING = (event, context) -> null;

    private static RouteTable table(String... routes) {
        List<LocalFunction> functions = new ArrayList<>();
        List<Template.Function> definitions = new ArrayList<>();
        for (String route : routes) {
            String[] methodAndPath = route.split(" ", 2);
            Template.Function definition = TestFunctions.definition(route, List.of(
                    new Template.HttpRoute(methodAndPath[0], methodAndPath[1], false)), Template.EventInvokeConfig.DEFAULT);
            definitions.add(definition);
            functions.add(TestFunctions.function(definition, NOTHING));
        }
        return new RouteTable(functions, definitions);
    }

    private static String selected(RouteTable table, String method, String path) {
        RouteTable.Match match = table.match(method, GatewayHandler.segments(path));
        return match == null ? null : match.function().name();
    }

    @Test
    void literalsBeatParametersWhichBeatGreedyParametersLeftToRight() {
        RouteTable table = table("ANY /{proxy+}", "GET /a/{x}/c", "GET /a/{x}", "GET /a/b", "GET /a/b/{y}");
        assertEquals("GET /a/b", selected(table, "GET", "/a/b"));
        assertEquals("GET /a/{x}", selected(table, "GET", "/a/z"));
        assertEquals("GET /a/b/{y}", selected(table, "GET", "/a/b/c"), "the literal b decides before the literal c");
        assertEquals("GET /a/{x}/c", selected(table, "GET", "/a/z/c"));
        assertEquals("ANY /{proxy+}", selected(table, "GET", "/a/z/d"));
        assertEquals("ANY /{proxy+}", selected(table, "POST", "/a/b"));
    }

    @Test
    void aRouteForTheMethodBeatsAny() {
        RouteTable table = table("ANY /items/{id}", "GET /items/{id}");
        assertEquals("GET /items/{id}", selected(table, "GET", "/items/1"));
        assertEquals("ANY /items/{id}", selected(table, "DELETE", "/items/1"));
    }

    @Test
    void parametersAreDecodedAndNeverEmpty() {
        RouteTable table = table("GET /items/{id}");
        RouteTable.Match match = table.match("GET", GatewayHandler.segments("/items/caf%C3%A9%2F1+2"));
        assertEquals(Map.of("id", "café/1+2"), match.pathParameters());
        assertNull(selected(table, "GET", "/items/"));
        assertNull(selected(table, "GET", "/items"));
        assertThrows(IllegalArgumentException.class, () -> GatewayHandler.segments("/items/%E9"));
    }

    @Test
    void withoutADefaultRouteNothingMatchesAndWithOneEverythingDoes() {
        assertNull(selected(table("GET /items/{id}"), "PUT", "/items/1"));
        RouteTable withDefault = table("GET /items/{id}", "ANY " + Template.HttpRoute.DEFAULT_PATH);
        assertEquals("ANY $default", selected(withDefault, "PUT", "/items/1"));
        assertEquals("GET /items/{id}", selected(withDefault, "GET", "/items/1"));
    }
}
