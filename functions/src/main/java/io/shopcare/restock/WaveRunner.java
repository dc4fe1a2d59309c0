package io.shopcare.restock;

import io.shopcare.alerts.Links;
import io.shopcare.alerts.SkuDetails;
import io.shopcare.catalog.CatalogRepository;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Language;
import io.shopcare.mail.Mailer;
import io.shopcare.mail.OutgoingEmail;
import io.shopcare.mail.RenderedEmail;
import io.shopcare.observability.LogContext;
import io.shopcare.observability.Metrics;
import io.shopcare.restock.WaveStore.Claim;
import io.shopcare.restock.WaveStore.ClaimOutcome;
import io.shopcare.restock.WaveStore.ClaimedAlert;
import io.shopcare.restock.WaveStore.Phase;
import io.shopcare.restock.WaveStore.QueuedAlert;
import io.shopcare.restock.WaveStore.Wave;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one restock wave: the oldest ACTIVE alerts of a SKU, at most the wave's budget, in
 * chunks. Each e-mail is preceded by a conditional claim of the alert (only the claimant sends)
 * and followed by recording the message id; an unclear send failure keeps the claim, so an alert
 * is e-mailed at most once, never "maybe twice". Claims and sends are a pipeline on two thread
 * pools (they wait on different servers: the table and SES): claims run ahead of the sends by at
 * most {@link Workers#claimedAhead()} alerts, and an alert's send starts only after its claim. The budget is reserved before a chunk is
 * claimed, and the reserved chunk is remembered on the wave: a worker retried after a crash
 * finishes that chunk first (alerts it had claimed stay done), so a crash neither repeats nor
 * skips anyone except the alerts claimed but not yet confirmed sent (at most the look-ahead). A worker stops well before its
 * invocation's timeout and hands the wave on through the wave's own stream record, so a list of
 * any length is worked through in bounded invocations.
 */
public final class WaveRunner {
    private static final Logger LOG = Logger.getLogger(WaveRunner.class.getName());
    static final Duration FOLLOW_UP_AFTER = Duration.ofHours(1);
    /** Stands for the recipient's unsubscribe link in the once-rendered e-mail; survives HTML escaping. */
    private static final String UNSUBSCRIBE_SLOT = "SHOPCAREUNSUBSCRIBESLOT";
    private final WaveStore store;
    private final CatalogRepository catalog;
    private final Mailer mailer;
    private final EmailRenderer renderer;
    private final Links links;
    private final Clock clock;
    private final Workers workers;
    private final int chunkSize;
    private final long safetyMarginMillis;

    /**
     * The threads that claim and the threads that send, and how many alerts may be claimed but not
     * yet sent (the claims' head start; also what a crash can leave claimed and unsent).
     */
    public record Workers(ExecutorService claims, ExecutorService sends, int claimedAhead) {
        public Workers {
            if (claimedAhead < 1) {
                throw new IllegalArgumentException("claimedAhead must be at least 1");
            }
        }
    }

    public WaveRunner(WaveStore store, CatalogRepository catalog, Mailer mailer, EmailRenderer renderer, Links links,
                      Clock clock, Workers workers, int chunkSize, Duration safetyMargin) {
        this.store = store;
        this.catalog = catalog;
        this.mailer = mailer;
        this.renderer = renderer;
        this.links = links;
        this.clock = clock;
        this.workers = workers;
        this.chunkSize = chunkSize;
        this.safetyMarginMillis = safetyMargin.toMillis();
    }

    /** Works on the wave if the hand-off at {@code handOffStep} is still its current one (or this worker's lease). */
    public void run(String sku, String waveId, long handOffStep, LongSupplier remainingMillis) {
        LogContext.touch("sku", sku);
        LogContext.touch("wave", waveId);
        Wave wave = store.wave(sku, waveId).orElse(null);
        if (wave == null || !ownedBy(wave, handOffStep)) {
            return; // finished, or a stale/duplicate record: somebody else has (had) this wave
        }
        Optional<SkuDetails> details = catalog.findProduct(wave.productId())
                .flatMap(product -> SkuDetails.of(product.value(), sku));
        if (details.isEmpty()) {
            store.finish(wave, null); // the product or SKU is gone: nobody can buy it
            return;
        }
        Letters letters = new Letters(details.get());
        if (wave.phase() == Phase.WORKING && !wave.pending().isEmpty()) {
            // A retry of a worker that stopped mid-chunk (crash, timeout): finish its chunk first.
            Optional<Wave> resumed = settleChunk(wave, wave.pending(), letters);
            if (resumed.isEmpty()) {
                return;
            }
            wave = resumed.get();
        }
        while (true) {
            if (remainingMillis.getAsLong() < safetyMarginMillis) {
                store.handOff(wave);
                return;
            }
            long left = wave.budget() - wave.reserved();
            if (left <= 0) {
                boolean more = !store.activeAlerts(sku, null, 1).isEmpty();
                store.finish(wave, more ? clock.instant().plus(FOLLOW_UP_AFTER) : null);
                Metrics.count("RestockWavesFinished", 1);
                return;
            }
            List<QueuedAlert> chunk = store.activeAlerts(sku, wave.cursor(), (int) Math.min(chunkSize, left));
            if (chunk.isEmpty()) {
                store.finish(wave, null);
                Metrics.count("RestockWavesFinished", 1);
                return;
            }
            List<String> keys = chunk.stream().map(QueuedAlert::subscriberId).toList();
            Optional<Wave> reserved = store.reserve(wave, keys, chunk.get(chunk.size() - 1).position(), handOffStep);
            if (reserved.isEmpty()) {
                return; // lost the wave to another worker
            }
            Optional<Wave> settled = settleChunk(reserved.get(), keys, letters);
            if (settled.isEmpty()) {
                return;
            }
            wave = settled.get();
        }
    }

    /** Sends a reserved chunk and gives back the reservations of alerts that got no e-mail; empty if the wave was lost. */
    private Optional<Wave> settleChunk(Wave wave, List<String> chunk, Letters letters) {
        int kept = sendChunk(wave, chunk, letters);
        return kept < chunk.size() ? store.unreserve(wave, chunk.size() - kept) : Optional.of(wave);
    }

    private static boolean ownedBy(Wave wave, long handOffStep) {
        return (wave.phase() == Phase.HANDOFF && wave.step() == handOffStep)
                || (wave.phase() == Phase.WORKING && wave.leaseFrom() != null && wave.leaseFrom() == handOffStep);
    }

    /** Claims and e-mails the chunk (a pipeline); returns how many alerts stay claimed (sent or maybe sent). */
    private int sendChunk(Wave wave, List<String> chunk, Letters letters) {
        Instant now = clock.instant();
        Semaphore unsent = new Semaphore(workers.claimedAhead());
        List<CompletableFuture<SendOutcome>> outcomes = new ArrayList<>();
        for (String alert : chunk) {
            Supplier<Claim> claim = LogContext.carry(() -> {
                unsent.acquireUninterruptibly(); // released once this alert's send (if any) is over
                return store.claim(wave.sku(), alert, wave.waveId(), now);
            });
            outcomes.add(CompletableFuture.supplyAsync(claim, workers.claims())
                    .thenCompose(claimed -> claimed.outcome() == ClaimOutcome.CLAIMED
                            ? CompletableFuture.supplyAsync(LogContext.carry(
                                    () -> send(wave, alert, claimed.recipient(), letters, now)), workers.sends())
                            // Claimed before by this wave (a crashed worker): sent or maybe sent, it keeps its reservation.
                            : CompletableFuture.completedFuture(new SendOutcome(alert,
                                    claimed.outcome() == ClaimOutcome.CLAIMED_BEFORE, null)))
                    .whenComplete((outcome, failure) -> unsent.release()));
        }
        Map<String, String> messageIds = new LinkedHashMap<>();
        int kept = 0;
        RuntimeException firstFailure = null;
        for (CompletableFuture<SendOutcome> future : outcomes) {
            try {
                SendOutcome outcome = future.get();
                if (outcome.kept()) {
                    kept++;
                }
                if (outcome.messageId() != null) {
                    messageIds.put(outcome.subscriberId(), outcome.messageId());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                firstFailure = new IllegalStateException("interrupted while sending", e);
            } catch (ExecutionException e) {
                // A claim or release that failed in storage: the alert may be claimed; count it as kept.
                kept++;
                if (firstFailure == null) {
                    firstFailure = new IllegalStateException("a send task failed", e.getCause());
                }
            }
        }
        if (!messageIds.isEmpty()) {
            store.recordSends(wave.sku(), wave.waveId(), wave.step(), messageIds);
            Metrics.count("AlertsNotified", messageIds.size());
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        return kept;
    }

    private record SendOutcome(String subscriberId, boolean kept, String messageId) {
    }

    private SendOutcome send(Wave wave, String alert, ClaimedAlert recipient, Letters letters, Instant now) {
        Language language = Language.ofTag(recipient.language());
        String unsubscribeUrl = links.unsubscribe(alert, now);
        OutgoingEmail email = new OutgoingEmail(recipient.email(),
                letters.forLanguage(language == null ? Language.EN : language).fill(UNSUBSCRIBE_SLOT, unsubscribeUrl),
                unsubscribeUrl);
        try {
            return new SendOutcome(alert, true, mailer.send(email));
        } catch (Mailer.NotSent refused) {
            store.release(wave.sku(), alert, wave.waveId());
            return new SendOutcome(alert, false, null);
        } catch (RuntimeException unclear) {
            // It may have gone out: keep the claim (at most once), and say so in the log.
            LOG.log(Level.WARNING, "unclear send result for an alert of " + wave.sku() + " in " + wave.waveId(), unclear);
            return new SendOutcome(alert, true, null);
        }
    }

    /** The wave's e-mail, rendered once per language; each recipient's unsubscribe link is filled in. */
    private final class Letters {
        private final SkuDetails details;
        private final Map<Language, RenderedEmail> byLanguage = new ConcurrentHashMap<>();

        Letters(SkuDetails details) {
            this.details = details;
        }

        RenderedEmail forLanguage(Language language) {
            return byLanguage.computeIfAbsent(language, l -> {
                Map<String, Object> model = new HashMap<>(details.model(l));
                model.put("productUrl", links.product(details.productId()));
                model.put("unsubscribeUrl", UNSUBSCRIBE_SLOT);
                return renderer.render("back-in-stock", l, model);
            });
        }
    }
}
