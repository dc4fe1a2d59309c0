package io.shopcare.local.acceptance;

import static io.shopcare.local.acceptance.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.shopcare.alerts.LinkTokens;
import io.shopcare.clients.SecretsManagerSecrets;
import io.shopcare.json.Json;
import io.shopcare.local.LocalStack;
import io.shopcare.local.LocalStackOptions;
import io.shopcare.signing.SigningKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Back-in-stock alerts, merchant notices and the digest through the real local stack, reading
 * what was sent from the SES emulator's /store.
 */
class AlertsEndToEndTest {
    private static final Pattern CONFIRM_LINK = Pattern.compile("(http://[^\\s\"<>]+/alerts/confirm\\?token=[A-Za-z0-9._-]+)");
    private static final Pattern UNSUBSCRIBE_LINK =
            Pattern.compile("(http://[^\\s\"<>]+/alerts/unsubscribe\\?token=[A-Za-z0-9._-]+)");
    private static final String WAREHOUSE = "alerts-warehouse";
    private static LocalStack stack;
    private static StackClient client;
    private static SesInbox inbox;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackOptions.forTests());
        client = new StackClient(stack.apiUrl(), stack.adminToken());
        inbox = new SesInbox(stack.sesUrl());
        ok(client.admin("PUT", "/admin/locations/" + WAREHOUSE, Fixtures.location("WAREHOUSE", "Alerts warehouse", true)));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aConfirmedAlertGetsExactlyOneEmailWithOneClickHeadersAndAnUnconfirmedOneNothing() {
        String sku = soldOutProduct("one");
        assertEquals(202, signUp(sku, "Confirmed.Shopper@Example.com", "cs").status());
        assertEquals(202, signUp(sku, "unconfirmed@example.com", "en").status());
        // The address is kept as typed (only the mailbox key is normalised): mail goes to it unchanged.
        Map<String, Object> confirmation = awaitEmails("Confirmed.Shopper@Example.com", 1).get(0);
        assertTrue(String.valueOf(confirmation.get("subject")).startsWith("Potvrďte"), confirmation.toString());
        Map<String, Object> confirmed = client.get(path(link(CONFIRM_LINK, confirmation))).json();
        assertEquals(Map.of("status", "ACTIVE", "sku", sku), confirmed);

        restock(sku, 5);
        List<Map<String, Object>> mails = awaitEmails("Confirmed.Shopper@Example.com", 2);
        Map<String, Object> backInStock = mails.get(1);
        assertTrue(String.valueOf(backInStock.get("subject")).contains("je opět skladem"), backInStock.toString());
        String raw = Json.write(backInStock);
        assertTrue(raw.contains("List-Unsubscribe-Post") && raw.contains("List-Unsubscribe=One-Click"), raw);
        assertTrue(raw.contains("/alerts/unsubscribe?token="), raw);
        settle();
        assertEquals(2, emailsTo("Confirmed.Shopper@Example.com").size(), "exactly one back-in-stock e-mail");
        assertEquals(1, emailsTo("unconfirmed@example.com").size(), "only the confirmation e-mail");
    }

    @Test
    void thirtyAlertsAndTwoUnitsGiveTenEmailsOldestFirstAndTheNextRestockTheNextTen() throws InterruptedException {
        String sku = soldOutProduct("wave");
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String address = "wave" + i + "@example.com";
            addresses.add(address);
            assertEquals(202, signUp(sku, address, "en").status());
            Thread.sleep(3); // distinct sign-up times: the order is the test's subject
        }
        for (String address : addresses) {
            assertEquals(200, client.get(path(link(CONFIRM_LINK, awaitEmails(address, 1).get(0)))).status());
        }
        restock(sku, 2);
        awaitEmails(addresses.get(9), 2);
        settle();
        for (int i = 0; i < 30; i++) {
            assertEquals(i < 10 ? 2 : 1, emailsTo(addresses.get(i)).size(), "alert " + i + " after the first wave");
        }

        // Replaying every delivered batch (stream redelivery) changes nothing.
        for (String function : List.of("RestockDetectorFunction", "RestockWaveFunction")) {
            for (DynamodbEvent batch : stack.deliveredBatches(function)) {
                stack.invoke(function, batch);
            }
        }
        settle();
        assertEquals(40, addresses.stream().mapToInt(a -> emailsTo(a).size()).sum(), "no e-mail twice");

        restock(sku, 0);
        restock(sku, 2);
        awaitEmails(addresses.get(19), 2);
        settle();
        for (int i = 0; i < 30; i++) {
            assertEquals(i < 20 ? 2 : 1, emailsTo(addresses.get(i)).size(), "alert " + i + " after the second wave");
        }
    }

    @Test
    void oneClickPostUnsubscribesEverythingAndAGetAloneDoesNot() {
        String sku = soldOutProduct("unsub");
        signUp(sku, "leaver@example.com", "fr");
        Map<String, Object> confirmation = awaitEmails("leaver@example.com", 1).get(0);
        client.get(path(link(CONFIRM_LINK, confirmation)));
        String unsubscribe = path(link(UNSUBSCRIBE_LINK, confirmation));

        StackClient.Answer page = client.get(unsubscribe);
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html") && page.body().contains("<form method=\"post\""));
        StackClient.Answer french = client.send("GET", unsubscribe, null, null, false,
                Map.of("Accept-Language", "fr-FR, fr;q=0.9, en;q=0.5"));
        assertTrue(french.body().contains("Me désabonner") && french.body().contains("lang=\"fr\""), french.body());
        StackClient.Answer oneClick = client.send("POST", unsubscribe, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click", false, Map.of());
        assertEquals(200, oneClick.status(), oneClick.body());
        assertEquals("UNSUBSCRIBED", oneClick.json().get("status"));
        assertEquals(200, client.send("POST", unsubscribe, null, null, false, Map.of()).status(), "again: still 200");

        restock(sku, 5);
        settle();
        assertEquals(1, emailsTo("leaver@example.com").size(), "nothing after unsubscribing");
        assertEquals(409, client.get(path(link(CONFIRM_LINK, confirmation))).status(), "an old confirm link cannot resubscribe");
    }

    @Test
    void aBrowserIsSentToTheStorefrontsConfirmedPageAndReadsTheUnsubscribedPageInTheSubscribersLanguage()
            throws Exception {
        String browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        String sku = soldOutProduct("browser");
        signUp(sku, "browser@example.com", "fr");
        Map<String, Object> confirmation = awaitEmails("browser@example.com", 1).get(0);
        java.net.http.HttpResponse<String> redirect = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(link(CONFIRM_LINK, confirmation)))
                        .header("Accept", browserAccept).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(303, redirect.statusCode(), redirect.body());
        assertEquals(stack.storefrontUrl() + "/alerts/confirmed?status=ACTIVE&sku=" + sku,
                redirect.headers().firstValue("location").orElse(null));
        // The redirect did confirm: the JSON client now sees the alert active.
        assertEquals(Map.of("status", "ACTIVE", "sku", sku), client.get(path(link(CONFIRM_LINK, confirmation))).json());

        String unsubscribe = path(link(UNSUBSCRIBE_LINK, confirmation));
        StackClient.Answer page = client.send("POST", unsubscribe, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click", false, Map.of("Accept", browserAccept, "Accept-Language", "en"));
        assertEquals(200, page.status(), page.body());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("lang=\"fr\"") && page.body().contains("Désabonnement effectué")
                && page.body().contains("href=\"" + stack.storefrontUrl() + "\""), page.body());
        assertEquals(409, client.get(path(link(CONFIRM_LINK, confirmation))).status(), "it did unsubscribe");
        assertEquals(Map.of("status", "UNSUBSCRIBED"), client.send("POST", unsubscribe, null, null, false,
                Map.of("Accept", "*/*")).json(), "a mail client still gets JSON");
    }

    @Test
    void aGetOfTheUnsubscribeLinkAloneKeepsTheAlert() {
        String sku = soldOutProduct("scanner");
        signUp(sku, "scanned@example.com", "en");
        Map<String, Object> confirmation = awaitEmails("scanned@example.com", 1).get(0);
        client.get(path(link(CONFIRM_LINK, confirmation)));
        assertEquals(200, client.get(path(link(UNSUBSCRIBE_LINK, confirmation))).status());
        restock(sku, 3);
        awaitEmails("scanned@example.com", 2);
    }

    @Test
    void forgedExpiredAndCrossPurposeTokensFailCleanly() {
        String sku = soldOutProduct("tokens");
        signUp(sku, "tokens@example.com", "uk");
        Map<String, Object> confirmation = awaitEmails("tokens@example.com", 1).get(0);
        String confirm = link(CONFIRM_LINK, confirmation);
        String token = confirm.substring(confirm.indexOf("token=") + 6);
        String unsubscribeToken = link(UNSUBSCRIBE_LINK, confirmation).replaceAll(".*token=", "");

        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertError(client.get("/alerts/confirm?token=" + forged), 404);
        assertError(client.get("/alerts/confirm?token=" + unsubscribeToken), 404);
        assertError(client.send("POST", "/alerts/unsubscribe?token=" + token, null, null, false, Map.of()), 404);
        assertError(client.get("/alerts/confirm?token=not-a-token"), 404);

        // Only the holder of the signing secret can make a valid token: here, the test reads it as a function would.
        String secretId = stack.environment("ConfirmSubscriptionFunction").get("SIGNING_SECRET_ID");
        SecretsManagerSecrets secrets = new SecretsManagerSecrets(UrlConnectionHttpClient.create(),
                DefaultCredentialsProvider.builder().build(), Region.of(stack.environment("ConfirmSubscriptionFunction").get("AWS_REGION")));
        LinkTokens keys = new LinkTokens(() -> SigningKeys.fromSecret(secrets.secretString(secretId)));
        String subject = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1])).split("\\|")[1];
        String expired = keys.issue(LinkTokens.Purpose.CONFIRM, subject, Instant.now().minus(Duration.ofDays(8)));
        assertError(client.get("/alerts/confirm?token=" + expired), 410);
        assertEquals(200, client.get("/alerts/confirm?token=" + token).status(), "the genuine link still works");
    }

    @Test
    void aSignUpRepeatedWithItsIdempotencyKeySendsOneEmailAndTheKeyWithAnotherBodyIs422() {
        String sku = soldOutProduct("idem");
        Map<String, String> key = Map.of("Idempotency-Key", "idem-signup-1");
        String body = "{\"email\": \"idem@example.com\", \"locale\": \"en\"}";
        StackClient.Answer first = client.send("POST", "/skus/" + sku + "/alerts", "application/json", body, false, key);
        StackClient.Answer again = client.send("POST", "/skus/" + sku + "/alerts", "application/json", body, false, key);
        assertEquals(202, first.status(), first.body());
        assertEquals(202, again.status(), again.body());
        assertEquals(first.json(), again.json());
        assertError(client.send("POST", "/skus/" + sku + "/alerts", "application/json",
                "{\"email\": \"idem@example.com\", \"locale\": \"cs\"}", false, key), 422);
        settle();
        assertEquals(1, emailsTo("idem@example.com").size(), "one confirmation e-mail for one key");

        // A failed sign-up does not keep its key: the same request fails the same way again.
        Map<String, String> other = Map.of("Idempotency-Key", "idem-signup-2");
        String unknown = "{\"email\": \"idem2@example.com\"}";
        assertError(client.send("POST", "/skus/NO-SUCH-SKU/alerts", "application/json", unknown, false, other), 404);
        assertError(client.send("POST", "/skus/NO-SUCH-SKU/alerts", "application/json", unknown, false, other), 404);
    }

    @Test
    void theSixthSignUpOfAnAddressInADayIsRateLimitedAndSendsNothing() {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            skus.add(soldOutProduct("rate" + i));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(202, signUp(skus.get(i), "flooded@example.com", "en").status());
        }
        assertError(signUp(skus.get(5), "flooded@example.com", "en"), 429);
        settle();
        assertEquals(5, emailsTo("flooded@example.com").size());
    }

    @Test
    void theMerchantHearsOncePerCrossingToLowStockAndToZero() {
        String sku = soldOutProduct("merchant");
        restock(sku, 10);
        settle();
        int before = merchantMails(sku);
        restock(sku, 3);   // threshold is 3: crosses down to it
        restock(sku, 2);   // already low: no new crossing
        restock(sku, 0);   // sold out
        settle();
        assertEquals(before + 2, merchantMails(sku));
        for (DynamodbEvent batch : stack.deliveredBatches("MerchantNoticeFunction")) {
            stack.invoke("MerchantNoticeFunction", batch);
        }
        settle();
        assertEquals(before + 2, merchantMails(sku), "redelivered notices send nothing");
    }

    @Test
    void theWeeklyDigestListsWhatCameBackInTheSubscribersCategoriesOnce() {
        String sku = soldOutProduct("digest");
        String category = "alerts-digest";
        assertEquals(202, client.send("POST", "/restock-digest/subscriptions", "application/json",
                "{\"email\": \"digest@example.com\", \"categoryIds\": [\"" + category + "\"]}", false,
                Map.of("Accept-Language", "fr-CH, en;q=0.5")).status());
        assertError(client.send("POST", "/restock-digest/subscriptions", "application/json",
                "{\"email\": \"digest@example.com\", \"categoryIds\": [\"no-such-category\"]}", false, Map.of()), 404);
        Map<String, Object> confirmation = awaitEmails("digest@example.com", 1).get(0);
        assertEquals(Map.of("status", "ACTIVE"), client.get(path(link(CONFIRM_LINK, confirmation))).json());
        restock(sku, 4);
        settle();

        Instant nextWeek = Instant.now().plus(Duration.ofDays(7));
        stack.runSchedule("WeeklyDigestFunction", nextWeek);
        List<Map<String, Object>> mails = awaitEmails("digest@example.com", 2);
        assertEquals("De retour en stock cette semaine", mails.get(1).get("subject"));
        assertTrue(Json.write(mails.get(1)).contains("Alerts digest"), "names the product");
        stack.runSchedule("WeeklyDigestFunction", nextWeek.plus(Duration.ofHours(1)));
        settle();
        assertEquals(2, emailsTo("digest@example.com").size(), "one digest a week");
    }

    @Test
    void aPermanentBounceSuppressesTheAddressesAlerts() {
        String sku = soldOutProduct("bounce");
        signUp(sku, "bounced.shopper@example.com", "en");
        client.get(path(link(CONFIRM_LINK, awaitEmails("bounced.shopper@example.com", 1).get(0))));
        SNSEvent bounce = EventLoader.loadSNSEvent(Path.of(System.getProperty("shopcare.project.dir"), "events",
                "ses-bounce-notification.json").toString());
        assertEquals(1, stack.invoke("EmailFeedbackFunction", bounce));
        assertEquals(0, stack.invoke("EmailFeedbackFunction", bounce), "redelivered: nothing more");
        restock(sku, 5);
        settle();
        assertEquals(1, emailsTo("bounced.shopper@example.com").size());

        // A later sign-up is answered alike, but nothing is mailed to a suppressed address.
        assertEquals(202, signUp(soldOutProduct("bounce-again"), "Bounced.Shopper@example.com", "en").status());
        settle();
        assertEquals(1, emailsTo("bounced.shopper@example.com").size() + emailsTo("Bounced.Shopper@example.com").size());
    }

    @Test
    void aDigestSignUpWithAnIdempotencyKeyRunsOnceAndAFailedOneFreesItsKey() {
        soldOutProduct("digest-key");
        String key = "digest-signup-" + System.nanoTime();
        Map<String, String> headers = Map.of("Idempotency-Key", key);
        assertError(client.send("POST", "/restock-digest/subscriptions", "application/json",
                "{\"email\": \"digest.key@example.com\", \"categoryIds\": [\"no-such-category\"]}", false, headers), 404);
        String body = "{\"email\": \"digest.key@example.com\", \"categoryIds\": [\"alerts-digest-key\"]}";
        StackClient.Answer first = client.send("POST", "/restock-digest/subscriptions", "application/json", body, false,
                headers);
        assertEquals(202, first.status(), "the failed request gave its key back: " + first.body());
        StackClient.Answer again = client.send("POST", "/restock-digest/subscriptions", "application/json", body, false,
                headers);
        assertEquals(202, again.status(), again.body());
        assertEquals(first.json(), again.json());
        assertError(client.send("POST", "/restock-digest/subscriptions", "application/json",
                "{\"email\": \"other.key@example.com\"}", false, headers), 422);
        awaitEmails("digest.key@example.com", 1);
        settle();
        assertEquals(1, emailsTo("digest.key@example.com").size(), "one confirmation for the key's two requests");
        assertEquals(0, emailsTo("other.key@example.com").size());
    }

    // ------------------------------------------------------------------ helpers

    private static String soldOutProduct(String name) {
        return Fixtures.soldOutProduct(client, stack, WAREHOUSE, name);
    }

    private static void restock(String sku, int units) {
        Fixtures.setStock(client, stack, sku, WAREHOUSE, units);
    }

    private static StackClient.Answer signUp(String sku, String email, String locale) {
        return client.send("POST", "/skus/" + sku + "/alerts", "application/json",
                "{\"email\": \"" + email + "\", \"locale\": \"" + locale + "\"}", false, Map.of());
    }

    private static void settle() {
        stack.awaitIdle(Duration.ofSeconds(60));
    }

    private static void assertError(StackClient.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.json().get("error") instanceof Map, answer.body());
    }

    private static String link(Pattern pattern, Map<String, Object> email) {
        Matcher matcher = pattern.matcher(String.valueOf(((Map<?, ?>) email.get("body")).get("text")));
        assertTrue(matcher.find(), "no link in " + email);
        return matcher.group(1);
    }

    private static String path(String url) {
        return url.substring(stack.apiUrl().length());
    }

    private static int merchantMails(String sku) {
        return (int) emailsTo("merchant@example.com").stream()
                .filter(m -> String.valueOf(m.get("subject")).contains(sku)).count();
    }

    private static List<Map<String, Object>> awaitEmails(String address, int count) {
        return inbox.awaitEmails(address, count);
    }

    private static List<Map<String, Object>> emailsTo(String address) {
        return inbox.emailsTo(address);
    }
}
