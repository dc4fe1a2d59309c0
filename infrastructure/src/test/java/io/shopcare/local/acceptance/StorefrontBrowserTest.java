package io.shopcare.local.acceptance;

import io.shopcare.local.LocalStack;
import io.shopcare.local.LocalStackOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The demo storefront in a real browser (Debian's chromium through chromedriver) against one local
 * stack with the demo data. The page groups share that stack and one browser: starting them was
 * a third of these tests' time. Each group keeps its data apart (its own addresses, and the order
 * pages their own products), and resets the browser's storage before each test.
 */
class StorefrontBrowserTest {
    static LocalStack stack;
    static StackClient client;
    static SesInbox inbox;
    static Browser browser;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackOptions.forTests().withDemoData(true));
        client = new StackClient(stack.apiUrl(), stack.adminToken());
        inbox = new SesInbox(stack.sesUrl());
        browser = Browser.start("en-GB");
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Nested
    class Frame extends StorefrontFramePages {
    }

    @Nested
    class ShopperPages extends StorefrontShopperPages {
    }

    @Nested
    class OrderPages extends StorefrontOrderPages {
    }
}
