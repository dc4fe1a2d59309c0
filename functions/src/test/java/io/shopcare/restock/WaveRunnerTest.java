package io.shopcare.restock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.alerts.LinkTokens;
import io.shopcare.alerts.Links;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Mailer;
import io.shopcare.restock.WaveStore.Phase;
import io.shopcare.restock.WaveStore.Wave;
import io.shopcare.signing.SigningKeys;
import io.shopcare.testing.InMemoryCatalog;
import io.shopcare.testing.Products;
import io.shopcare.testing.RecordingMailer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Restock waves in memory: budget, order, at-most-once claims, crashes, refusals and hand-offs. */
class WaveRunnerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryWaveStore store = new InMemoryWaveStore();
    private final RecordingMailer mailer = new RecordingMailer();
    private final ExecutorService claimers = Executors.newSingleThreadExecutor();
    private final ExecutorService senders = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopWorkers() {
        claimers.shutdownNow();
        senders.shutdownNow();
    }

    private WaveRunner runner(int chunkSize) {
        return runner(chunkSize, mailer, new WaveRunner.Workers(claimers, senders, 2));
    }

    private WaveRunner runner(int chunkSize, Mailer mailer, WaveRunner.Workers workers) {
        Links links = new Links("https://api.example", "https://shop.example", new LinkTokens(() -> SigningKeys.fromSecret(
                "{\"current\": \"k1\", \"k1\": \"" + "w".repeat(40) + "\"}")));
        return new WaveRunner(store, new InMemoryCatalog().with(Products.JACKET), mailer, new EmailRenderer(),
                links, CLOCK, workers, chunkSize, Duration.ofSeconds(15));
    }

    private void alerts(int count) {
        IntStream.range(0, count).forEach(i -> store.addAlert("sub-" + i, String.format("2026-11-01T00:00:%02dZ#sub-%d", i, i),
                "shopper" + i + "@example.com"));
    }

    private static List<String> addresses(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "shopper" + i + "@example.com").toList();
    }

    @Test
    void sendsTheOldestAlertsUpToTheBudgetOnceAndSchedulesAFollowUp() {
        alerts(30);
        store.newWave("JK-M", "w1", "jacket", 10);
        runner(4).run("JK-M", "w1", 0, () -> 60_000);
        assertEquals(addresses(0, 10), mailer.recipients());
        assertEquals(Phase.DONE, store.waves.get("w1").phase());
        assertEquals(List.of(CLOCK.instant().plus(WaveRunner.FOLLOW_UP_AFTER)), store.followUps);
        assertEquals(10, store.messageIds.size(), "every send's message id is recorded");

        runner(4).run("JK-M", "w1", 0, () -> 60_000); // the same hand-off delivered again
        assertEquals(10, mailer.sent.size());
    }

    @Test
    void claimsRunAheadOfTheSendsByAtMostTheLookAheadAndEverySendFollowsItsClaim() {
        alerts(10);
        store.newWave("JK-M", "w1", "jacket", 10);
        AtomicInteger sendsDone = new AtomicInteger();
        AtomicInteger mostAhead = new AtomicInteger();
        store.afterClaim = claims -> mostAhead.accumulateAndGet(claims - sendsDone.get(), Math::max);
        List<String> sentUnclaimed = new CopyOnWriteArrayList<>();
        Mailer slowFirstSend = email -> {
            if (!"w1".equals(store.claimedBy(email.to()))) {
                sentUnclaimed.add(email.to());
            }
            if (sendsDone.get() == 0) {
                // While the first send hangs, claims go on up to the look-ahead of 3, and no further.
                awaitClaims(3, Duration.ofSeconds(5));
                awaitClaims(4, Duration.ofMillis(100));
            }
            mailer.send(email);
            sendsDone.incrementAndGet();
            return "id-" + email.to();
        };
        ExecutorService twoClaimers = Executors.newFixedThreadPool(2);
        try {
            runner(10, slowFirstSend, new WaveRunner.Workers(twoClaimers, senders, 3)).run("JK-M", "w1", 0, () -> 60_000);
        } finally {
            twoClaimers.shutdownNow();
        }
        assertEquals(3, mostAhead.get(), "claimed but not yet sent, at most");
        assertEquals(List.of(), sentUnclaimed, "a send only after its claim");
        assertEquals(10, mailer.sent.size());
        assertEquals(10, store.messageIds.size());
    }

    /** Waits until the store has had {@code count} claims, at most {@code patience}. */
    private void awaitClaims(int count, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (store.claimCount() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aWaveWithRoomForAllEndsWithoutAFollowUp() {
        alerts(5);
        store.newWave("JK-M", "w1", "jacket", 10);
        runner(32).run("JK-M", "w1", 0, () -> 60_000);
        assertEquals(addresses(0, 5), mailer.recipients());
        assertEquals(List.of(), store.followUps);
    }

    @Test
    void anUnclearSendKeepsItsClaimSoThatAlertIsNeverEmailedTwice() {
        alerts(12);
        store.newWave("JK-M", "w1", "jacket", 12);
        mailer.failAt(6, new IllegalStateException("connection reset after the request was written"));
        runner(8).run("JK-M", "w1", 0, () -> 60_000);
        List<String> expected = addresses(0, 12).stream().filter(a -> !a.equals("shopper5@example.com")).toList();
        assertEquals(expected, mailer.recipients());
        InMemoryWaveStore.Alert unclear = store.queue.values().stream().filter(a -> a.subscriberId.equals("sub-5"))
                .findFirst().orElseThrow();
        assertEquals("w1", unclear.notifiedBy, "maybe sent: claimed, at most once");
        runner(8).run("JK-M", "w1", 0, () -> 60_000);
        assertEquals(expected, mailer.recipients());
    }

    @Test
    void aWorkerThatCrashesMidChunkIsRetriedAndFinishesItsChunkWithoutRepeatingAnyone() {
        alerts(12);
        store.newWave("JK-M", "w1", "jacket", 12);
        store.crashOnClaim = 7; // storage fails on the 7th claim: the worker dies with its chunk half done
        WaveRunner runner = runner(8);
        assertThrows(IllegalStateException.class, () -> runner.run("JK-M", "w1", 0, () -> 60_000));
        assertEquals(Phase.WORKING, store.waves.get("w1").phase());
        store.crashOnClaim = 0;
        runner.run("JK-M", "w1", 0, () -> 60_000); // the same record, retried by the stream: same lease
        assertEquals(new java.util.TreeSet<>(addresses(0, 12)), new java.util.TreeSet<>(mailer.recipients()));
        assertEquals(12, mailer.sent.size(), "each of the twelve exactly once");
        assertEquals(Phase.DONE, store.waves.get("w1").phase());
        assertTrue(store.waves.get("w1").reserved() <= 12);
    }

    @Test
    void aRefusedSendReleasesTheAlertForALaterWave() {
        alerts(3);
        store.newWave("JK-M", "w1", "jacket", 10);
        mailer.failAt(2, new Mailer.NotSent("throttled", null));
        runner(8).run("JK-M", "w1", 0, () -> 60_000);
        assertEquals(List.of("shopper0@example.com", "shopper2@example.com"), mailer.recipients());
        assertTrue(store.queue.values().stream().filter(a -> a.active).map(a -> a.subscriberId).toList().contains("sub-1"),
                "the refused alert waits for the next wave");
        assertEquals(2, store.waves.get("w1").reserved(), "its reservation was given back");
    }

    @Test
    void aWorkerHandsTheWaveOnBeforeItsTimeRunsOutAndTheNextWorkerContinues() {
        alerts(20);
        store.newWave("JK-M", "w1", "jacket", 20);
        int[] chunks = {0};
        runner(4).run("JK-M", "w1", 0, () -> chunks[0]++ < 2 ? 60_000 : 1_000); // two chunks, then the clock runs out
        Wave handedOff = store.waves.get("w1");
        assertEquals(Phase.HANDOFF, handedOff.phase());
        assertEquals(addresses(0, 8), mailer.recipients());
        runner(4).run("JK-M", "w1", handedOff.step(), () -> 60_000);
        assertEquals(addresses(0, 20), mailer.recipients());
        runner(4).run("JK-M", "w1", 0, () -> 60_000); // the first hand-off again: stale, nothing happens
        assertEquals(20, mailer.sent.size());
    }

    @Test
    void aWaveForAProductThatIsGoneEndsWithoutSending() {
        alerts(3);
        store.newWave("GONE-1", "w1", "no-such-product", 10);
        runner(4).run("GONE-1", "w1", 0, () -> 60_000);
        assertEquals(List.of(), mailer.sent);
        assertEquals(Phase.DONE, store.waves.get("w1").phase());
        assertNull(store.waves.get("w1").leaseFrom());
    }
}
