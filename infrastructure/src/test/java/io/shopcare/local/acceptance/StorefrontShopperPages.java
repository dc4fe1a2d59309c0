package io.shopcare.local.acceptance;

import static io.shopcare.local.acceptance.StorefrontBrowserTest.browser;
import static io.shopcare.local.acceptance.StorefrontBrowserTest.client;
import static io.shopcare.local.acceptance.StorefrontBrowserTest.inbox;
import static io.shopcare.local.acceptance.StorefrontBrowserTest.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The shopper's pages in a real browser against the demo data: back-in-stock sign-up from the
 * product page confirmed from the e-mail's link, the restock e-mail's product link, the category
 * page's order, facets, filters and pages, and a cart that becomes an order through a quote.
 * Run by {@link StorefrontBrowserTest}, whose stack and browser it shares.
 */
abstract class StorefrontShopperPages {
    private static final Pattern CONFIRM_LINK = Pattern.compile("(http://[^\\s\"<>]+/alerts/confirm\\?token=[A-Za-z0-9._-]+)");
    /** The listing's groups: available (in stock or low), then pre-order, then sold out. */
    private static final Map<String, Integer> RANK = Map.of("IN_STOCK", 0, "LOW_STOCK", 0, "PREORDER", 1, "SOLD_OUT", 2);

    @Test
    void aShopperSignsUpForASoldOutSizeConfirmsFromTheEmailAndTheRestockEmailOpensTheProduct() {
        String address = "fleece.fan@example.com";
        browser.reset(stack.storefrontUrl());
        browser.consoleErrors(); // what earlier tests left in the log
        browser.open(stack.storefrontUrl() + "/");
        browser.awaitText("Welcome");
        browser.assertAccessible("the home page");

        browser.open(stack.storefrontUrl() + "/products/trail-fleece");
        browser.awaitText("Trail fleece");
        WebElement soldOutSize = browser.visible(By.cssSelector("label[for='option-size-1']"));
        assertTrue(soldOutSize.getText().contains("M") && soldOutSize.getText().contains("sold out"), soldOutSize.getText());
        WebElement radio = browser.driver().findElement(By.id("option-size-1"));
        assertEquals("option-size-1-note", radio.getAttribute("aria-describedby"), "the mark is in the radio's description");
        assertFalse(browser.driver().findElement(By.cssSelector("label[for='option-size-0']")).getText().contains("sold out"));
        assertFalse(browser.driver().findElements(By.id("add-to-cart")).isEmpty(), "size S can be added");

        soldOutSize.click();
        WebElement email = browser.visible(By.id("alert-email-TFL-GREY-M"));
        assertTrue(browser.driver().findElements(By.id("add-to-cart")).isEmpty(), "a sold-out size cannot go into the cart");
        browser.assertAccessible("the product page with the alert form");
        email.sendKeys(address);
        browser.visible(By.id("alert-submit")).click();
        browser.awaitText("Check your inbox to confirm: we sent a link to " + address);

        Map<String, Object> confirmation = inbox.awaitEmails(address, 1).get(0);
        browser.open(link(CONFIRM_LINK, confirmation));
        String confirmed = browser.awaitText("You will get an e-mail when TFL-GREY-M is back in stock.");
        assertTrue(browser.driver().getCurrentUrl().startsWith(stack.storefrontUrl() + "/alerts/confirmed?status=ACTIVE"),
                browser.driver().getCurrentUrl());
        assertTrue(confirmed.contains("Back to the shop"), confirmed);
        browser.assertAccessible("the alert-confirmed page");

        Fixtures.ok(client.admin("PUT", "/admin/stock/TFL-GREY-M/warehouse-prague", "{\"onHand\": 12}"));
        stack.awaitIdle(Duration.ofSeconds(20));
        Map<String, Object> backInStock = inbox.awaitEmails(address, 2).get(1);
        String productLink = link(Pattern.compile("(" + Pattern.quote(stack.storefrontUrl()) + "/products/[A-Za-z0-9._%-]+)"),
                backInStock);
        browser.open(productLink);
        browser.awaitText("Trail fleece");
        assertEquals(stack.storefrontUrl() + "/products/trail-fleece", browser.driver().getCurrentUrl());
        assertFalse(browser.visible(By.cssSelector("label[for='option-size-1']")).getText().contains("sold out"),
                "size M is back");
        boolean openBefore = brnoOpenNow();
        browser.visible(By.id("check-stores")).click();
        WebElement brno = browser.visible(By.cssSelector(".shop-store[data-location-id='store-brno']"));
        boolean openAfter = brnoOpenNow();
        assertTrue(brno.getText().contains("Shopcare Brno") && brno.getText().contains("Masarykova 8")
                && brno.getText().contains("+420 542 100 300"), brno.getText());
        if (openBefore == openAfter) { // not at the very minute it opens or closes
            assertTrue(brno.getText().contains(openBefore ? "Open now, until " : "Closed now"),
                    "open now in Prague time (" + openBefore + "): " + brno.getText());
        }
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void theCategoryListsSoldOutLastFiltersOnBuyableFacetsAndPagesBackAndForth() {
        browser.reset(stack.storefrontUrl());
        browser.open(stack.storefrontUrl() + "/categories/womens-jackets");
        browser.awaitText("Page 1:");
        List<String> first = productIds();
        assertEquals(6, first.size(), "a page of six");
        List<String> availability = new ArrayList<>(availabilities());

        Select colour = new Select(browser.visible(By.id("filter-colour")));
        List<String> colours = colour.getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertTrue(colours.contains("red") && colours.contains("orange"), "buyable colours, pre-order too: " + colours);
        assertFalse(colours.contains("yellow"), "the rain poncho is sold out online, so yellow is no filter: " + colours);
        browser.screenshot("category");
        browser.assertAccessible("the category page");

        browser.visible(By.cssSelector("a[rel='next']")).click();
        browser.awaitText("Page 2:");
        assertTrue(browser.driver().getCurrentUrl().contains("cursor="), browser.driver().getCurrentUrl());
        List<String> second = productIds();
        assertTrue(second.stream().noneMatch(first::contains), first + " then " + second);
        availability.addAll(availabilities());
        assertEquals("SOLD_OUT", availability.get(availability.size() - 1), availability.toString());
        for (int i = 1; i < availability.size(); i++) {
            assertTrue(RANK.get(availability.get(i - 1)) <= RANK.get(availability.get(i)),
                    "available, then pre-order, then sold out: " + availability);
        }
        assertTrue(browser.driver().findElements(By.cssSelector("a[rel='next']")).isEmpty(), "the last page");

        browser.driver().navigate().back();
        browser.awaitText("Page 1:");
        assertEquals(first, productIds(), "Back returns to the first page");
        browser.driver().navigate().forward();
        browser.awaitText("Page 2:");
        browser.visible(By.cssSelector("a[rel='prev']")).click();
        browser.awaitText("Page 1:");
        assertEquals(first, productIds());

        new Select(browser.visible(By.id("filter-colour"))).selectByValue("red");
        browser.await(d -> d.getCurrentUrl().contains("colour=red") && !d.findElements(By.cssSelector("#product-list li")).isEmpty()
                && productIds().size() < 6, "the red jackets");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> red = (List<Map<String, Object>>) client.get(
                "/categories/womens-jackets/products?colour=red").json().get("items");
        assertEquals(red.stream().map(p -> p.get("productId")).toList(), productIds());
        assertEquals("red", new Select(browser.visible(By.id("filter-colour"))).getFirstSelectedOption().getAttribute("value"));
    }

    @Test
    void aCartBecomesAnOrderThroughAQuoteAndAShortLineIsShownWhereItIs() {
        browser.reset(stack.storefrontUrl());
        browser.open(stack.storefrontUrl() + "/products/alpine-down-jacket");
        browser.awaitText("Alpine down jacket");
        browser.visible(By.id("add-to-cart")).click();
        browser.awaitText("Added to your cart.");
        assertTrue(browser.driver().findElement(By.id("cart-link")).getText().contains("1 item"));
        browser.screenshot("product");
        browser.assertAccessible("the product page");

        browser.open(stack.storefrontUrl() + "/products/expedition-parka");
        WebElement preorder = browser.visible(By.id("add-to-cart"));
        assertTrue(preorder.getText().contains("Pre-order") && preorder.getText().contains("2027"), preorder.getText());
        preorder.click();
        browser.awaitText("Pre-order added to your cart.");

        browser.open(stack.storefrontUrl() + "/cart");
        browser.awaitText("Your cart");
        WebElement quantity = browser.visible(By.cssSelector("tr[data-sku='ADJ-RED-S'] input"));
        quantity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "60", Keys.TAB);
        browser.await(d -> d.findElement(By.id("cart-total")).getText().contains("15,389.00"), "the total for 60 jackets");
        browser.visible(By.id("checkout-email")).sendKeys("jana@example.com");
        browser.visible(By.id("checkout-name")).sendKeys("Jana Nováková");
        browser.visible(By.id("checkout-street")).sendKeys("Vinohradská 12");
        browser.visible(By.id("checkout-postcode")).sendKeys("120 00");
        browser.visible(By.id("checkout-city")).sendKeys("Praha");
        browser.visible(By.id("get-quote")).click();
        WebElement problem = browser.visible(By.cssSelector("tr[data-sku='ADJ-RED-S'] .shop-line-problem"));
        assertTrue(problem.getText().contains("Not enough stock"), problem.getText());
        assertTrue(browser.driver().findElements(By.cssSelector("tr[data-sku='EXP-ORANGE-M'] .shop-line-problem")).isEmpty());

        quantity = browser.visible(By.cssSelector("tr[data-sku='ADJ-RED-S'] input"));
        quantity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1", Keys.TAB);
        browser.await(d -> d.findElements(By.cssSelector(".shop-line-problem")).isEmpty(), "the short line cleared");
        browser.visible(By.id("get-quote")).click();
        WebElement express = browser.visible(By.cssSelector("label[for='option-0']"));
        assertTrue(express.getText().contains("Express courier") && express.getText().contains("arrives"), express.getText());
        String standard = browser.visible(By.cssSelector("label[for='option-1']")).getText();
        assertTrue(standard.contains("Standard post") && standard.contains("free"), "free from 100 EUR: " + standard);
        assertEquals("Jana Nováková", browser.driver().findElement(By.id("checkout-name")).getAttribute("value"),
                "what the shopper typed survives the re-render");
        browser.visible(By.cssSelector("label[for='option-1']")).click();
        browser.visible(By.cssSelector("label[for='payment-BANK_TRANSFER']")).click();
        // The picture shows the quote: each delivery option with its price and dates.
        browser.driver().executeScript("arguments[0].closest('fieldset').scrollIntoView({block: 'start'})",
                browser.visible(By.cssSelector("label[for='option-0']")));
        browser.screenshot("checkout");
        browser.assertAccessible("the cart page");

        browser.visible(By.id("place-order")).click();
        String url = browser.await(d -> d.getCurrentUrl().matches(".*/orders/[^/#]+#token=.+") ? d.getCurrentUrl() : null,
                "the order page");
        Matcher order = Pattern.compile("/orders/([^/#]+)#token=(.+)$").matcher(url);
        assertTrue(order.find(), url);
        String orderId = URLDecoder.decode(order.group(1), StandardCharsets.UTF_8);
        String token = URLDecoder.decode(order.group(2), StandardCharsets.UTF_8);
        StackClient.Answer placed = client.send("GET", "/orders/" + orderId, null, null, false,
                Map.of("Authorization", "Bearer " + token));
        assertEquals(200, placed.status(), placed.body());
        Map<String, Object> json = placed.json();
        assertEquals("jana@example.com", ((Map<?, ?>) json.get("customer")).get("email"));
        assertEquals("post-standard", ((Map<?, ?>) json.get("delivery")).get("carrier"));
        assertEquals("BANK_TRANSFER", ((Map<?, ?>) json.get("payment")).get("method"));
        List<?> lines = (List<?>) json.get("lines");
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("[]", browser.driver().executeScript("return localStorage.getItem('shopcare.cart')"), "the cart is empty");
    }

    /** The demo's Brno store: MON–FRI 10:00–19:00, SAT 10:00–16:00, in Prague time. */
    private static boolean brnoOpenNow() {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Prague"));
        java.time.LocalTime time = now.toLocalTime();
        java.time.DayOfWeek day = now.getDayOfWeek();
        java.time.LocalTime closes = day == java.time.DayOfWeek.SATURDAY ? java.time.LocalTime.of(16, 0)
                : day == java.time.DayOfWeek.SUNDAY ? java.time.LocalTime.of(10, 0) : java.time.LocalTime.of(19, 0);
        return !time.isBefore(java.time.LocalTime.of(10, 0)) && time.isBefore(closes);
    }

    private static List<String> productIds() {
        return browser.driver().findElements(By.cssSelector("#product-list li")).stream()
                .map(li -> li.getAttribute("data-product-id")).toList();
    }

    private static List<String> availabilities() {
        return browser.driver().findElements(By.cssSelector("#product-list li")).stream()
                .map(li -> li.getAttribute("data-availability")).toList();
    }

    private static String link(Pattern pattern, Map<String, Object> email) {
        Matcher matcher = pattern.matcher(String.valueOf(((Map<?, ?>) email.get("body")).get("text")));
        assertTrue(matcher.find(), "no link in " + email);
        return matcher.group(1);
    }
}
