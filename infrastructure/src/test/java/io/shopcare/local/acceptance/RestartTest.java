package io.shopcare.local.acceptance;

import static io.shopcare.local.acceptance.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.shopcare.json.Json;
import io.shopcare.local.LocalStack;
import io.shopcare.local.LocalStackOptions;
import io.shopcare.local.StackProcess;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code --data-dir}: a {@code kill -9} loses nothing (items, and stream records not yet delivered
 * are delivered after the restart, once where the handler is idempotent, resuming after each
 * mapping's checkpoint), and a clean restart keeps the merchant's changes (no demo data replayed
 * over them), the link-signing secret (a confirm link e-mailed before still works) and
 * redelivers nothing.
 */
class RestartTest {
    private static final List<String> STREAM_FUNCTIONS = List.of("AvailabilityProjectorFunction", "RestockDetectorFunction",
            "RestockWaveFunction", "MerchantNoticeFunction");
    private static final Pattern CONFIRM_PATH = Pattern.compile("https?://[^/\\s]+(/alerts/confirm\\?token=[A-Za-z0-9._-]+)");

    @Test
    void aKillNineLosesNoItemAndNoUndeliveredStreamRecord(@TempDir Path dataDir) throws Exception {
        String sku = "KILL-PARKA-M";
        Path checkpointFile = dataDir.resolve("stream-checkpoints/AvailabilityProjectorFunction-InventoryTable.json");
        List<ProcessHandle> emulators;
        try (StackProcess first = StackProcess.start(dataDir)) {
            StackClient client = new StackClient(first.apiUrl(), first.adminToken());
            ok(client.admin("PUT", "/admin/locations/kill-warehouse", Fixtures.location("WAREHOUSE", "Kill warehouse", true)));
            ok(client.admin("PUT", "/admin/products/kill-parka", Fixtures.product("Kill parka", "kill-cat", 1, "Alpine", sku)));
            ok(client.admin("PUT", "/admin/stock/" + sku + "/kill-warehouse", "{\"onHand\": 10}"));
            first.command("idle");
            assertEquals(200, client.get("/products/kill-parka").status(), "delivered before the pause");

            first.command("pause");
            ok(client.admin("PUT", "/admin/stock/" + sku + "/kill-warehouse", "{\"onHand\": 0}"));
            ok(client.admin("PUT", "/admin/products/kill-anorak", Fixtures.product("Kill anorak", "kill-cat", 2, "Alpine",
                    "KILL-ANORAK-M")));
            assertEquals(404, client.get("/products/kill-anorak").status(), "nothing delivered while paused");
            emulators = first.killHard();
        }
        assertFalse(emulators.isEmpty(), "the SES emulator ran as a child of the stack's JVM");
        for (ProcessHandle emulator : emulators) {
            emulator.onExit().get(30, TimeUnit.SECONDS); // no orphan left holding the port
        }
        String checkpoint = onlyCheckpoint(checkpointFile);

        try (LocalStack second = LocalStack.start(LocalStackOptions.forTests().withDataDir(dataDir))) {
            StackClient client = new StackClient(second.apiUrl(), second.adminToken());
            SesInbox inbox = new SesInbox(second.sesUrl());
            second.awaitIdle(Duration.ofSeconds(60));

            assertFalse(second.dynamoDb().getItem(r -> r.tableName(second.tableName("InventoryTable"))
                    .key(Map.of("pk", AttributeValue.fromS("PRODUCT#kill-anorak"), "sk", AttributeValue.fromS("PRODUCT"))))
                    .item().isEmpty(), "the item written before the kill");
            assertEquals(200, client.get("/products/kill-anorak").status(), "its stream record delivered after the restart");
            assertEquals("SOLD_OUT", client.get("/products/kill-parka").json().get("availability"));
            assertEquals(1, soldOutMails(inbox, sku), "the merchant hears of the crossing once");

            List<DynamodbEvent> projected = second.deliveredBatches("AvailabilityProjectorFunction");
            assertFalse(projected.isEmpty());
            for (DynamodbEvent batch : projected) {
                for (DynamodbEvent.DynamodbStreamRecord record : batch.getRecords()) {
                    assertTrue(new BigInteger(record.getDynamodb().getSequenceNumber()).compareTo(new BigInteger(checkpoint)) > 0,
                            "resumed after the checkpoint " + checkpoint + ", not at " + record.getDynamodb().getSequenceNumber());
                }
            }
            for (DynamodbEvent batch : second.deliveredBatches("MerchantNoticeFunction")) {
                second.invoke("MerchantNoticeFunction", batch);
            }
            second.awaitIdle(Duration.ofSeconds(60));
            assertEquals(1, soldOutMails(inbox, sku), "delivered again: still one e-mail");
        }
    }

    @Test
    void aCleanRestartKeepsChangesAndTheLinkSecretAndRedeliversNothing(@TempDir Path dataDir) {
        LocalStackOptions options = LocalStackOptions.forTests().withDataDir(dataDir);
        String confirmPath;
        try (LocalStack first = LocalStack.start(options)) {
            StackClient client = new StackClient(first.apiUrl(), first.adminToken());
            ok(client.admin("PUT", "/admin/locations/restart-store", Fixtures.location("STORE", "Restart store", false)));
            ok(client.admin("PUT", "/admin/locations/warehouse-prague", Fixtures.location("WAREHOUSE", "Restart warehouse",
                    true)));
            ok(client.admin("PUT", "/admin/products/restart-parka", Fixtures.product("Restart parka", "restart-cat", 1,
                    "Alpine", "RESTART-PARKA-M")));
            ok(client.admin("PUT", "/admin/stock/RESTART-PARKA-M/warehouse-prague", "{\"onHand\": 0}"));
            ok(client.admin("PUT", "/admin/stock/RESTART-PARKA-M/restart-store", "{\"onHand\": 40}"));
            first.awaitIdle(Duration.ofSeconds(60));
            assertEquals(202, client.send("POST", "/skus/RESTART-PARKA-M/alerts", "application/json",
                    "{\"email\": \"restart@example.com\"}", false, Map.of()).status());
            Map<String, Object> confirmation = new SesInbox(first.sesUrl()).awaitEmails("restart@example.com", 1).get(0);
            Matcher link = CONFIRM_PATH.matcher(String.valueOf(((Map<?, ?>) confirmation.get("body")).get("text")));
            assertTrue(link.find(), confirmation.toString());
            confirmPath = link.group(1);
        }
        assertTrue(Files.exists(dataDir.resolve("secrets/SigningSecret.json")));

        // Demo data asked for now: the data dir is not empty, so none is loaded over the merchant's data.
        try (LocalStack second = LocalStack.start(options.withDemoData(true))) {
            StackClient client = new StackClient(second.apiUrl(), second.adminToken());
            second.awaitIdle(Duration.ofSeconds(60));
            for (String function : STREAM_FUNCTIONS) {
                assertEquals(List.of(), second.deliveredBatches(function), function + " got nothing again");
            }
            Map<String, Object> store = storeEntry(client, "RESTART-PARKA-M", "restart-store");
            assertEquals("IN_STOCK", store.get("availability"), "the merchant's 40 units: " + store);
            assertEquals(404, client.get("/products/alpine-down-jacket").status(), "no demo data in a data dir in use");
            StackClient.Answer confirmed = client.get(confirmPath);
            assertEquals(200, confirmed.status(), confirmed.body());
            assertEquals(Map.of("status", "ACTIVE", "sku", "RESTART-PARKA-M"), confirmed.json());
        }
    }

    private static long soldOutMails(SesInbox inbox, String sku) {
        return inbox.emailsTo("merchant@example.com").stream()
                .filter(m -> String.valueOf(m.get("subject")).startsWith("Sold out: " + sku)).count();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> storeEntry(StackClient client, String sku, String locationId) {
        for (Object item : (List<Object>) client.get("/skus/" + sku + "/stores").json().get("items")) {
            if (locationId.equals(((Map<String, Object>) item).get("locationId"))) {
                return (Map<String, Object>) item;
            }
        }
        throw new AssertionError(locationId + " is not listed for " + sku);
    }

    @SuppressWarnings("unchecked")
    private static String onlyCheckpoint(Path file) throws Exception {
        Map<String, Object> saved = Json.parseObject(Files.readString(file));
        Map<String, Object> shards = (Map<String, Object>) saved.get("shards");
        assertEquals(1, shards.size(), "one shard: " + shards);
        return String.valueOf(shards.values().iterator().next());
    }
}
