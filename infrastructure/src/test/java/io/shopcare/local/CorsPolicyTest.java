package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CORS decisions for configurations other than the project's wildcard one. */
class CorsPolicyTest {
    private static final CorsPolicy LISTED = CorsPolicy.from(Map.of(
            "AllowOrigins", List.of("https://shop.example.com", "http://*"),
            "AllowMethods", List.of("GET", "POST"),
            "AllowHeaders", List.of("Content-Type", "Authorization"),
            "ExposeHeaders", List.of("x-request-id"),
            "MaxAge", 300,
            "AllowCredentials", true));

    @Test
    void theProjectTemplateAllowsEveryOriginWithItsListedMethodsAndHeaders() {
        CorsPolicy project = CorsPolicy.from(Template.load(LocalStack.findProjectDir().resolve("template.yaml"),
                "eu-central-1").httpApiCors());
        assertEquals(List.of("*"), project.allowOrigins());
        assertEquals(List.of("GET", "POST", "PATCH", "PUT"), project.allowMethods());
        assertEquals(600, project.maxAgeSeconds());
        assertFalse(project.allowCredentials());
    }

    @Test
    void aListedOriginIsEchoedWithCredentialsAndVary() {
        Map<String, String> headers = LISTED.preflightHeaders("https://shop.example.com", "POST", "content-type");
        assertEquals("https://shop.example.com", headers.get("Access-Control-Allow-Origin"));
        assertEquals("true", headers.get("Access-Control-Allow-Credentials"));
        assertEquals("Origin", headers.get("Vary"));
        assertEquals("GET,POST", headers.get("Access-Control-Allow-Methods"));
        assertEquals("Content-Type,Authorization", headers.get("Access-Control-Allow-Headers"));
        assertEquals("300", headers.get("Access-Control-Max-Age"));
        assertNull(headers.get("Access-Control-Expose-Headers"), "exposed headers belong to actual answers");

        Map<String, String> actual = LISTED.responseHeaders("https://shop.example.com");
        assertEquals("x-request-id", actual.get("Access-Control-Expose-Headers"));
        assertNull(actual.get("Access-Control-Allow-Methods"), "methods belong to preflight answers");
    }

    @Test
    void aSchemeWildcardMatchesEveryOriginOfThatSchemeOnly() {
        assertEquals("http://localhost:8080", LISTED.allowedOrigin("http://localhost:8080"));
        assertNull(LISTED.allowedOrigin("https://localhost:8080"));
    }

    @Test
    void anOriginThatIsNotAllowedGetsNoCorsHeadersAtAll() {
        assertTrue(LISTED.preflightHeaders("https://evil.example", "GET", null).isEmpty());
        assertTrue(LISTED.responseHeaders("https://evil.example").isEmpty());
        assertTrue(LISTED.responseHeaders(null).isEmpty());
        assertTrue(LISTED.preflightHeaders("https://shop.example.com", "DELETE", null).isEmpty());
        assertTrue(LISTED.preflightHeaders("https://shop.example.com", "GET", "content-type, x-other").isEmpty());
    }

    @Test
    void credentialsWithEveryOriginIsRefusedAsApiGatewayRefusesIt() {
        assertThrows(IllegalStateException.class, () -> CorsPolicy.from(Map.of("AllowOrigins", List.of("*"),
                "AllowCredentials", true)));
    }

    @Test
    void noConfigurationMeansNoPolicy() {
        assertNull(CorsPolicy.from(Map.of()));
    }
}
