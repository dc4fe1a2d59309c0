package io.shopcare.local.acceptance;

import static io.shopcare.local.acceptance.StorefrontBrowserTest.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * The storefront's frame in a real browser: served on its own origin, it reaches the API across
 * origins (CORS as the template declares it), speaks the browser's language and can be switched,
 * and its pages pass axe-core. Run by {@link StorefrontBrowserTest}, whose stack it shares.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StorefrontFramePages {
    /** A browser of its own: these pages are read by a shopper whose browser prefers Czech. */
    private Browser browser;

    @BeforeAll
    void czechBrowser() {
        browser = Browser.start("cs-CZ");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theShopSpeaksTheBrowsersLanguageUntilTheShopperPicksAnother() {
        browser.reset(stack.storefrontUrl());
        browser.open(stack.storefrontUrl() + "/");
        browser.awaitText("Vítejte");
        assertEquals("cs", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
        browser.assertAccessible("the home page");

        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("language"))).selectByValue("uk");
        browser.awaitText("Ласкаво просимо");
        assertEquals("uk", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
        browser.open(stack.storefrontUrl() + "/nowhere/at/all");
        browser.awaitText("Такої сторінки немає.");
    }

    @Test
    void theCardPageLinkOfAnOrderLandsOnAReadablePage() {
        browser.reset(stack.storefrontUrl());
        browser.open(stack.storefrontUrl() + "/pay/261123-ABCD2345");
        String page = browser.awaitText("Objednávka 261123-ABCD2345");
        assertTrue(page.contains("platební bránu"), page);
        assertTrue(stack.environment("PlaceOrderFunction").get("PAYMENT_PAGE_URL")
                .startsWith(stack.storefrontUrl() + "/pay/"), "the local card page is the storefront's");
        browser.assertAccessible("the card page stand-in");
    }

    @Test
    void theStorefrontCallsTheApiFromItsOwnOriginAndTheApiAllowsIt() {
        assertTrue(!stack.storefrontUrl().equals(stack.apiUrl()), "a different origin");
        browser.open(stack.storefrontUrl() + "/");
        browser.awaitRendered();
        Object answer = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(window.SHOPCARE_CONFIG.apiUrl + '/orders/quote', {method: 'POST',"
                + " headers: {'Content-Type': 'application/json', 'Idempotency-Key': 'browser-cors-check'},"
                + " body: JSON.stringify({lines: []})})"
                + ".then(r => r.json().then(b => done({status: r.status, code: b.error && b.error.code})))"
                + ".catch(e => done({failed: String(e)}));");
        // A preflighted cross-origin POST got through; the API's own answer is the contract's 400.
        assertEquals(400L, ((Map<?, ?>) answer).get("status"), answer.toString());
    }

    @Test
    void pagePathsServeTheStorefrontAndNothingElseOfTheFolderLeaks() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/orders/261123-ABCDEFGH", "/products/alpine-down-jacket", "/merchant/tickets")) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(stack.storefrontUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.headers().firstValue("content-security-policy").orElse("").contains("script-src 'self'"));
        }
        for (String path : List.of("/package.json", "/package-lock.json", "/node_modules/axe-core/axe.min.js",
                "/js/../package.json", "/%2e%2e/template.yaml", "/.gitignore", "/js/app.JS")) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(stack.storefrontUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(refused.statusCode() == 404 || refused.statusCode() == 400, path + " answered " + refused.statusCode());
        }
        HttpResponse<String> qr = http.send(HttpRequest.newBuilder(URI.create(stack.storefrontUrl() + "/vendor/qrcode.mjs"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, qr.statusCode());
        assertTrue(qr.headers().firstValue("content-type").orElse("").startsWith("text/javascript"));
    }
}
