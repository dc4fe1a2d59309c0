package io.shopcare.local.acceptance;

import io.shopcare.json.Json;
import io.shopcare.local.openapi.ResponseValidator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A storefront/merchant HTTP client for the acceptance tests: plain java.net.http against the local
 * stack. Every answer is checked against openapi.yaml before the test sees it, so a test that
 * receives an undocumented answer fails, and the document cannot drift from the code.
 */
final class StackClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String adminToken;

    StackClient(String baseUrl, String adminToken) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
    }

    record Answer(int status, String contentType, String body) {
        Map<String, Object> json() {
            return Json.parseObject(body);
        }
    }

    Answer get(String path) {
        return send("GET", path, null, null, false, Map.of());
    }

    Answer admin(String method, String path, String jsonBody) {
        return send(method, path, "application/json", jsonBody, true, Map.of());
    }

    Answer send(String method, String path, String contentType, String body, boolean withAdminToken,
                Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (withAdminToken) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                    response.body());
            Map<String, String> sent = new LinkedHashMap<>(headers);
            if (contentType != null) {
                sent.put("Content-Type", contentType);
            }
            ResponseValidator.forProject().check(new ResponseValidator.Exchange(method, path, sent, answer.status(),
                    answer.contentType(), answer.body()));
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
