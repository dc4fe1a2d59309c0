package io.shopcare.local.acceptance;

import static io.shopcare.local.acceptance.Fixtures.ok;
import static io.shopcare.local.acceptance.StorefrontBrowserTest.browser;
import static io.shopcare.local.acceptance.StorefrontBrowserTest.client;
import static io.shopcare.local.acceptance.StorefrontBrowserTest.inbox;
import static io.shopcare.local.acceptance.StorefrontBrowserTest.stack;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The order page and the merchant view in a real browser, against the local stack: the shopper
 * opens the page from the confirmation e-mail's link and uses its buttons (cancel a line, switch to
 * bank transfer with the QR Platba code, return a delivered unit and download the label, report a
 * problem); the merchant signs in with the admin token, ships an order from the fulfilment queue and
 * resolves the ticket. Every effect is checked through the API, and axe-core checks each page.
 * Run by {@link StorefrontBrowserTest}, whose stack and browser it shares.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StorefrontOrderPages {
    private static final String WAREHOUSE = "op-warehouse";
    /** The demo's courier: its delivery slots and tracking link are on the order page. */
    private static final String CARRIER = "courier-express";
    private static final String JACKET = "OPJ";
    private static final String BOOT = "OPB-42";

    /** Products of their own, in a category of their own, so the demo's pages stay as the shopper tests expect. */
    @BeforeAll
    void orderPageProducts() {
        ok(client.admin("PUT", "/admin/locations/" + WAREHOUSE, Fixtures.everyDayWarehouse("Order page warehouse")));
        ok(client.admin("PUT", "/admin/products/op-jacket", """
                {"name": "Ridge jacket", "categoryIds": ["op-cat"], "attributes": {"brand": "Alpine"},
                 "price": {"amount": "120.00", "currency": "EUR"},
                 "variants": [{"sku": "OPJ-S", "size": "S", "colour": "red"}, {"sku": "OPJ-M", "size": "M", "colour": "red"},
                              {"sku": "OPJ-L", "size": "L", "colour": "red"}]}"""));
        ok(client.admin("PUT", "/admin/products/op-boot", """
                {"name": "Moor boot", "categoryIds": ["op-cat"], "attributes": {"brand": "Alpine"},
                 "price": {"amount": "80.00", "currency": "EUR"}, "variants": [{"sku": "OPB-42", "size": "42"}]}"""));
        for (String sku : List.of("OPJ-S", "OPJ-M", "OPJ-L", BOOT)) {
            ok(client.admin("PUT", "/admin/stock/" + sku + "/" + WAREHOUSE, "{\"onHand\": 20}"));
        }
        stack.awaitIdle(Duration.ofSeconds(30));
    }

    @Test
    void theLinkInTheConfirmationEmailOpensAPageThatCancelsALineAndSwitchesToBankTransfer() {
        String email = "petra.page@example.com";
        Placed order = place(email, "CARD", JACKET + "-S", 1, BOOT, 2);
        String link = orderLink(inbox.awaitEmails(email, 1).get(0), order.id());

        browser.reset(stack.storefrontUrl());
        browser.open(link);
        String page = browser.awaitText("Waiting for payment");
        assertTrue(page.contains("Order " + order.id()) && page.contains("Ridge jacket (S, red)")
                && page.contains("Moor boot (42)"), page);
        assertTrue(browser.visible(By.id("card-payment-link")).getAttribute("href").contains(order.id()));
        assertEquals(List.of("action-payment", "action-modify", "action-cancel", "action-slot", "action-problem"),
                browser.driver().findElements(By.cssSelector(".order-action-list > li > button")).stream()
                        .map(b -> b.getAttribute("id")).toList(), "a button for each allowed action, and only those");
        browser.assertAccessible("the unpaid order page");
        browser.screenshot("order");

        browser.visible(By.id("action-cancel")).click();
        type(browser.visible(By.id("cancel-qty-1")), "2");
        browser.visible(By.id("cancel-submit")).click();
        browser.awaitText("We cancelled 2 units.");
        Map<?, ?> boot = line(order.read(), BOOT);
        assertEquals("CANCELLED", boot.get("status"), boot.toString());
        assertEquals(2, ((Number) boot.get("cancelledQuantity")).intValue());
        assertEquals("RESERVED", line(order.read(), JACKET + "-S").get("status"));
        assertTrue(browser.awaitText("2 cancelled").contains("Items cancelled"), "the timeline names the cancellation");

        browser.visible(By.id("action-modify")).click();
        type(browser.visible(By.id("modify-qty-0")), "2");
        browser.visible(By.id("modify-submit")).click();
        // Two jackets and the demo courier's €7.90, charged at any total.
        browser.awaitText("Your order was changed. The new total is €247.90.");
        assertEquals(2, ((Number) line(order.read(), JACKET + "-S").get("quantity")).intValue());

        browser.visible(By.id("action-slot")).click();
        type(browser.visible(By.id("slot-from")), "12:00");
        type(browser.visible(By.id("slot-to")), "16:00");
        browser.visible(By.id("slot-submit")).click();
        browser.awaitText("between 12:00 and 16:00");
        Map<?, ?> slot = (Map<?, ?>) ((Map<?, ?>) order.read().get("delivery")).get("slot");
        assertEquals("12:00", slot.get("from"), String.valueOf(slot));

        // By keyboard: the button opens its form and moves the focus into it; arrows pick the method.
        browser.visible(By.id("action-payment")).sendKeys(Keys.ENTER);
        browser.await(d -> "payment-CARD".equals(d.switchTo().activeElement().getAttribute("id")), "the focus in the form");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertTrue(browser.visible(By.id("payment-BANK_TRANSFER")).isSelected(), "the arrow key chose the transfer");
        browser.visible(By.id("payment-submit")).sendKeys(Keys.ENTER);
        browser.awaitText("You now pay by bank transfer");
        WebElement qr = browser.visible(By.id("qr-payment-image"));
        assertTrue(qr.getAttribute("src").startsWith("data:image/"), qr.getAttribute("src"));
        assertTrue(qr.getAttribute("alt").contains("QR"), qr.getAttribute("alt"));
        assertTrue(((Number) browser.driver().executeScript("return arguments[0].naturalWidth", qr)).intValue() > 100,
                "the QR code is drawn");
        Map<?, ?> instructions = (Map<?, ?>) ((Map<?, ?>) order.read().get("payment")).get("instructions");
        String spd = (String) instructions.get("qrPayment");
        assertTrue(spd.startsWith("SPD*1.0*"), spd);
        assertEquals(spd, browser.visible(By.id("qr-payment-text")).getText());
        String shown = browser.awaitText((String) instructions.get("variableSymbol"));
        assertTrue(shown.contains((String) instructions.get("iban")) && shown.contains((String) ((Map<?, ?>) instructions.get("amount")).get("amount")), shown);
        browser.assertAccessible("the bank-transfer order page");
        browser.driver().executeScript("document.getElementById('order-payment-heading').scrollIntoView()");
        browser.screenshot("order-bank-transfer");
    }

    @Test
    void aDeliveredUnitGoesBackWithAPdfLabelAndAReportedProblemIsResolvedFromTheTicketsQueue() throws Exception {
        Placed order = place("tomas.returns@example.com", "CASH_ON_DELIVERY", JACKET + "-S", 2, null, 0);
        event(order.id(), "{\"type\": \"PACKED\"}");
        event(order.id(), "{\"type\": \"SHIPPED\", \"trackingNumber\": \"OPR1\"}");
        event(order.id(), "{\"type\": \"DELIVERED\"}");

        browser.reset(stack.storefrontUrl());
        browser.open(order.link());
        browser.awaitText("Delivered");
        browser.visible(By.id("action-return")).click();
        type(browser.visible(By.id("return-qty-0")), "1");
        new Select(browser.visible(By.id("return-reason-0"))).selectByValue("CHANGED_MIND");
        browser.visible(By.id("return-exchange")).click();
        // The exchange offers the product's other sizes, loaded from its product page.
        List<String> sizes = browser.await(d -> {
            List<String> options = new Select(d.findElement(By.id("return-exchange-sku"))).getOptions().stream()
                    .map(WebElement::getText).toList();
            return options.contains("M, red") ? options : null;
        }, "the other sizes in the exchange list");
        assertTrue(sizes.contains("L, red") && !sizes.contains("S, red"), sizes.toString());
        browser.visible(By.id("return-refund")).click();
        browser.visible(By.id("return-submit")).click();
        browser.awaitText("is recorded. Print the label");

        List<?> returns = (List<?>) order.read().get("returns");
        assertEquals(1, returns.size(), returns.toString());
        Map<?, ?> created = (Map<?, ?>) returns.get(0);
        assertEquals("REFUND", created.get("resolution"));
        String href = browser.visible(By.cssSelector("#return-" + created.get("returnId") + " a.order-label-link"))
                .getAttribute("href");
        assertEquals(((Map<?, ?>) created.get("label")).get("url"), href);
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("content-type").orElse(""));
        assertArrayEquals("%PDF".getBytes(), Arrays.copyOf(pdf.body(), 4));
        browser.assertAccessible("the delivered order page with its return");

        browser.visible(By.id("action-problem")).click();
        new Select(browser.visible(By.id("problem-type"))).selectByValue("DAMAGED");
        browser.visible(By.id("problem-message")).sendKeys("The zip is broken.");
        browser.visible(By.id("problem-submit")).click();
        browser.awaitText("We have your report");
        List<?> tickets = (List<?>) order.read().get("tickets");
        assertEquals(1, tickets.size(), tickets.toString());
        String ticketId = (String) ((Map<?, ?>) tickets.get(0)).get("ticketId");
        assertEquals(2, ((Number) ((Map<?, ?>) tickets.get(0)).get("priority")).intValue());

        browser.open(stack.storefrontUrl() + "/merchant/tickets");
        signIn();
        WebElement ticket = browser.visible(By.id("ticket-" + ticketId));
        assertTrue(ticket.getText().contains("The zip is broken.") && ticket.getText().contains("Priority 2"),
                ticket.getText());
        browser.assertAccessible("the merchant's tickets queue");
        ticket.findElement(By.tagName("textarea")).sendKeys("A new zip is on its way.");
        browser.visible(By.id("resolve-submit-" + ticketId)).click();
        browser.awaitText("Ticket " + ticketId + " is resolved");
        assertFalse(client.send("GET", "/admin/tickets?status=OPEN&limit=100", null, null, true, Map.of()).body()
                .contains(ticketId), "the resolved ticket left the queue");
    }

    @Test
    void theMerchantViewShipsAnOrderAndTheShopperPageShowsTheTrackingLink() {
        Placed order = place("ivan.tracking@example.com", "CASH_ON_DELIVERY", JACKET + "-M", 1, null, 0);
        browser.reset(stack.storefrontUrl());
        browser.open(stack.storefrontUrl() + "/merchant");
        WebElement token = browser.visible(By.id("admin-token"));
        token.sendKeys("not-the-token");
        browser.visible(By.id("sign-in")).click();
        browser.awaitText("This admin token was not accepted");
        signIn();

        browser.visible(By.linkText(order.id()));
        assertTrue(browser.awaitText("Fulfilment queue").contains("Local demo only"), "the page says it is the local demo");
        browser.assertAccessible("the merchant's fulfilment queue");
        browser.screenshot("merchant");
        browser.visible(By.linkText(order.id())).click();
        browser.visible(By.id("event-PACKED"));
        browser.assertAccessible("the merchant's order page");
        assertTrue(browser.driver().findElements(By.id("event-SHIPPED")).isEmpty(), "SHIPPED does not fit a confirmed order");
        browser.visible(By.id("event-PACKED")).click();
        browser.awaitText("The order is now “Packed”");
        browser.visible(By.id("event-tracking-number")).sendKeys("OP-TRACK-77");
        browser.visible(By.id("event-SHIPPED")).click();
        browser.awaitText("The order is now “Shipped”");
        Map<String, Object> shipped = order.read();
        assertEquals("SHIPPED", shipped.get("status"));
        assertEquals("OP-TRACK-77", ((Map<?, ?>) shipped.get("tracking")).get("trackingNumber"));

        browser.open(order.link());
        WebElement tracking = browser.visible(By.id("tracking-link"));
        assertEquals("https://tracking.courier-express.example/parcel/OP-TRACK-77", tracking.getAttribute("href"));
        assertTrue(tracking.getText().contains("OP-TRACK-77"), tracking.getText());
        String page = browser.awaitText("Shipped");
        assertTrue(page.contains("tracking number OP-TRACK-77"), "the timeline shows the parcel");
        assertTrue(page.contains("Carrier: Express courier") && !page.contains(CARRIER), "the carrier by its name: " + page);
    }

    @Test
    void anActionRefusedByTheApiShowsItsMessageAndKeepsTheForm() {
        Placed order = place("olga.stale@example.com", "CASH_ON_DELIVERY", JACKET + "-S", 1, BOOT, 1);
        browser.reset(stack.storefrontUrl());
        browser.open(order.link());
        browser.visible(By.id("action-cancel")).click();
        type(browser.visible(By.id("cancel-qty-1")), "1");
        // Meanwhile the warehouse ships it: the page still offers the cancellation it showed.
        event(order.id(), "{\"type\": \"PACKED\"}");
        event(order.id(), "{\"type\": \"SHIPPED\", \"trackingNumber\": \"OPS1\"}");
        browser.visible(By.id("cancel-submit")).click();
        WebElement alert = browser.visible(By.cssSelector("#cancel-errors [role=alert]"));
        StackClient.Answer refused = client.send("POST", "/orders/" + order.id() + "/cancellations", "application/json",
                "{\"lines\": [{\"sku\": \"" + BOOT + "\", \"quantity\": 1}]}", false,
                Map.of("Authorization", "Bearer " + order.token()));
        assertEquals(409, refused.status(), refused.body());
        String message = (String) ((Map<?, ?>) refused.json().get("error")).get("message");
        assertEquals(message, alert.getText());
        assertEquals("1", browser.visible(By.id("cancel-qty-1")).getAttribute("value"), "the shopper's input is kept");
        assertEquals(alert, browser.driver().switchTo().activeElement(), "the refusal has the focus");
    }

    @Test
    void aWrongOrMissingTokenShowsThatTheLinkIsNotValid() {
        Placed order = place("nora.token@example.com", "CASH_ON_DELIVERY", JACKET + "-L", 1, null, 0);
        browser.reset(stack.storefrontUrl());
        browser.open(stack.storefrontUrl() + "/orders/" + order.id() + "#token=k1." + order.id() + ".wrong");
        String page = browser.awaitText("This link is not valid");
        assertFalse(page.contains("Ridge jacket"), "nothing of the order is shown");
        browser.reset(stack.storefrontUrl());
        browser.open(stack.storefrontUrl() + "/orders/" + order.id());
        browser.awaitText("This link is not valid");
    }

    // ------------------------------------------------------------------ helpers

    private record Placed(String id, String token) {
        Map<String, Object> read() {
            StackClient.Answer answer = client.send("GET", "/orders/" + id, null, null, false,
                    Map.of("Authorization", "Bearer " + token));
            assertEquals(200, answer.status(), answer.body());
            return answer.json();
        }

        String link() {
            return stack.storefrontUrl() + "/orders/" + id + "#token=" + token;
        }
    }

    private static Placed place(String email, String payment, String sku, int quantity, String otherSku, int otherQuantity) {
        String lines = "{\"sku\": \"" + sku + "\", \"quantity\": " + quantity + "}"
                + (otherSku == null ? "" : ", {\"sku\": \"" + otherSku + "\", \"quantity\": " + otherQuantity + "}");
        StackClient.Answer answer = client.send("POST", "/orders", "application/json", """
                {"customer": {"email": "%s", "name": "Petra Svobodová", "locale": "en"}, "lines": [%s],
                 "delivery": {"method": "HOME", "carrier": "%s",
                              "address": {"street": "Dlouhá 1", "city": "Praha", "postcode": "110 00", "country": "CZ"}},
                 "payment": {"method": "%s"}}""".formatted(email, lines, CARRIER, payment), false, Map.of());
        assertEquals(201, answer.status(), answer.body());
        return new Placed((String) answer.json().get("orderId"), (String) answer.json().get("accessToken"));
    }

    private static void event(String orderId, String body) {
        ok(client.send("POST", "/admin/orders/" + orderId + "/events", "application/json", body, true, Map.of()));
    }

    /** The order-page link the e-mail carries: {storefront}/orders/{id}#token=… */
    private static String orderLink(Map<String, Object> mail, String orderId) {
        String text = String.valueOf(((Map<?, ?>) mail.get("body")).get("text"));
        Matcher link = Pattern.compile(Pattern.quote(stack.storefrontUrl() + "/orders/" + orderId + "#token=")
                + "[A-Za-z0-9._~-]+").matcher(text);
        assertTrue(link.find(), "no order-page link in " + text);
        return link.group();
    }

    private static Map<?, ?> line(Map<String, Object> order, String sku) {
        return ((List<?>) order.get("lines")).stream().map(l -> (Map<?, ?>) l).filter(l -> sku.equals(l.get("sku")))
                .findFirst().orElseThrow();
    }

    private static void type(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    private static void signIn() {
        WebElement token = browser.visible(By.id("admin-token"));
        token.clear();
        token.sendKeys(stack.adminToken());
        browser.visible(By.id("sign-in")).click();
        browser.await(d -> d.findElements(By.id("admin-token")).isEmpty(), "the merchant view after signing in");
        browser.awaitRendered();
    }
}
