package io.shopcare.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.alerts.LinkTokens;
import io.shopcare.alerts.Links;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.signing.SigningKeys;
import io.shopcare.testing.InMemoryInventory;
import io.shopcare.testing.Products;
import io.shopcare.testing.RecordingMailer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The weekly digest in memory: last week's restocks, one e-mail per subscriber per week, resumable runs. */
class DigestServiceTest {
    /** Monday 2026-11-23: the digest covers 2026-11-16 to 2026-11-22 (ISO week 47). */
    private static final Instant MONDAY = Instant.parse("2026-11-23T06:00:00Z");
    private final InMemoryInventory inventory = new InMemoryInventory().with(Products.JACKET);
    private final RecordingMailer mailer = new RecordingMailer();
    private final FakeStore store = new FakeStore();
    private final DigestService digest = new DigestService(store, inventory, mailer, new EmailRenderer(),
            new Links("https://api.example", "https://shop.example", new LinkTokens(() -> SigningKeys.fromSecret(
                    "{\"current\": \"k1\", \"k1\": \"" + "d".repeat(40) + "\"}"))));

    /** The digest's store in memory. */
    static final class FakeStore implements DigestStore {
        final Map<LocalDate, List<Restock>> log = new HashMap<>();
        final TreeMap<String, Recipient> subscribers = new TreeMap<>();
        final Map<String, String> claimedWeeks = new HashMap<>();
        final Map<String, String> cursors = new HashMap<>();
        final List<String> sent = new ArrayList<>();

        @Override
        public List<Restock> restockedOn(LocalDate day) {
            return log.getOrDefault(day, List.of());
        }

        @Override
        public Optional<String> runCursor(String week) {
            return Optional.ofNullable(cursors.get(week));
        }

        @Override
        public void saveRunCursor(String week, String cursor) {
            cursors.put(week, cursor);
        }

        @Override
        public List<Subscriber> subscribers(String after, int limit) {
            return (after == null ? subscribers : subscribers.tailMap(after, false)).keySet().stream().limit(limit)
                    .map(position -> new Subscriber(subscribers.get(position).subscriberId(), position)).toList();
        }

        @Override
        public Optional<Recipient> claim(String subscriberId, String week) {
            if (week.equals(claimedWeeks.put(subscriberId, week))) {
                return Optional.empty();
            }
            return subscribers.values().stream().filter(r -> r.subscriberId().equals(subscriberId)).findFirst();
        }

        @Override
        public void recordSent(String subscriberId, String messageId) {
            sent.add(subscriberId);
        }
    }

    private void subscriber(int n, List<String> categories) {
        store.subscribers.put(String.format("2026-10-01T00:00:%02dZ", n), new DigestStore.Recipient("sub-" + n,
                "reader" + n + "@example.com", "cs", categories));
    }

    @Test
    void eachSubscriberGetsLastWeeksRestocksInTheirCategoriesOnceAWeek() {
        inventory.setOnHand("jacket", "JK-M", 8);
        store.log.put(LocalDate.parse("2026-11-18"), List.of(new DigestStore.Restock("jacket", "JK-M")));
        subscriber(1, List.of());
        subscriber(2, List.of("jackets"));
        subscriber(3, List.of("shoes"));
        assertEquals(2, digest.run(MONDAY, () -> 60_000, 10_000));
        assertEquals(List.of("reader1@example.com", "reader2@example.com"), mailer.recipients());
        assertTrue(mailer.sent.get(0).content().text().contains("Rain jacket"), mailer.sent.get(0).content().text());
        assertEquals("DONE", store.cursors.get("2026-W47"));
        assertEquals(0, digest.run(MONDAY.plusSeconds(3600), () -> 60_000, 10_000), "the next hourly run finds it done");
        assertEquals(2, mailer.sent.size());
    }

    @Test
    void whatSoldOutAgainOrCameBackBeforeTheWeekIsNotListedAndNobodyGetsAnEmptyDigest() {
        inventory.setOnHand("jacket", "JK-M", 0);
        store.log.put(LocalDate.parse("2026-11-18"), List.of(new DigestStore.Restock("jacket", "JK-M")));
        store.log.put(LocalDate.parse("2026-11-10"), List.of(new DigestStore.Restock("jacket", "JK-M")));
        subscriber(1, List.of());
        assertEquals(0, digest.run(MONDAY, () -> 60_000, 10_000));
        assertEquals(List.of(), mailer.sent);
    }

    @Test
    void aRunThatRunsOutOfTimeStopsAndTheNextOneContinuesWhereItStopped() {
        inventory.setOnHand("jacket", "JK-M", 8);
        store.log.put(LocalDate.parse("2026-11-22"), List.of(new DigestStore.Restock("jacket", "JK-M")));
        for (int i = 0; i < 150; i++) {
            subscriber(i, List.of());
        }
        int[] pages = {0};
        int first = digest.run(MONDAY, () -> pages[0]++ == 0 ? 60_000 : 1_000, 10_000);
        assertEquals(100, first, "one page of a hundred, then out of time");
        assertEquals(50, digest.run(MONDAY.plusSeconds(3600), () -> 60_000, 10_000));
        assertEquals(150, new java.util.HashSet<>(mailer.recipients()).size());
        assertEquals(150, mailer.sent.size(), "nobody twice");
    }
}
