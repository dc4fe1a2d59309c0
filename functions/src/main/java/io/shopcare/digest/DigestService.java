package io.shopcare.digest;

import io.shopcare.alerts.Links;
import io.shopcare.alerts.SkuDetails;
import io.shopcare.availability.InventorySource;
import io.shopcare.availability.VariantAvailability;
import io.shopcare.catalog.Product;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Language;
import io.shopcare.mail.Mailer;
import io.shopcare.mail.OutgoingEmail;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The weekly restock digest: for the ISO week before {@code now}, each confirmed subscriber gets
 * one e-mail listing the products of their categories that came back in stock and can still be
 * bought (none when there are none). Subscribers are claimed per week before the send, so
 * repeated or overlapping runs never send twice; the run keeps a cursor and stops before its
 * timeout, and the next scheduled run continues where it stopped.
 */
public final class DigestService {
    private static final Logger LOG = Logger.getLogger(DigestService.class.getName());
    private static final String DONE = "DONE";
    private static final int PAGE = 100;
    private final DigestStore store;
    private final InventorySource inventory;
    private final Mailer mailer;
    private final EmailRenderer renderer;
    private final Links links;

    public DigestService(DigestStore store, InventorySource inventory, Mailer mailer, EmailRenderer renderer,
                         Links links) {
        this.store = store;
        this.inventory = inventory;
        this.mailer = mailer;
        this.renderer = renderer;
        this.links = links;
    }

    /** A product that came back, with the categories it is listed in. */
    record Item(SkuDetails details, List<String> categoryIds) {
    }

    /** Runs (or continues) the digest of the week before {@code now}; returns e-mails sent. */
    public int run(Instant now, LongSupplier remainingMillis, long safetyMarginMillis) {
        LocalDate weekStart = now.atOffset(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        String week = weekStart.getYear() + "-W" + String.format("%02d", weekStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        Optional<String> cursor = store.runCursor(week);
        if (cursor.filter(DONE::equals).isPresent()) {
            return 0;
        }
        List<Item> items = restockedDuring(weekStart);
        String after = cursor.orElse(null);
        int sent = 0;
        while (remainingMillis.getAsLong() > safetyMarginMillis) {
            List<DigestStore.Subscriber> page = store.subscribers(after, PAGE);
            for (DigestStore.Subscriber subscriber : page) {
                sent += sendTo(subscriber, items, week, now);
            }
            if (page.size() < PAGE) {
                store.saveRunCursor(week, DONE);
                return sent;
            }
            after = page.get(page.size() - 1).position();
            store.saveRunCursor(week, after);
        }
        return sent;
    }

    private List<Item> restockedDuring(LocalDate weekStart) {
        Map<String, List<String>> skusByProduct = new LinkedHashMap<>();
        for (int day = 0; day < 7; day++) {
            for (DigestStore.Restock restock : store.restockedOn(weekStart.plusDays(day))) {
                skusByProduct.computeIfAbsent(restock.productId(), p -> new ArrayList<>()).add(restock.sku());
            }
        }
        List<Item> items = new ArrayList<>();
        skusByProduct.forEach((productId, skus) -> inventory.load(productId).ifPresent(snapshot -> {
            Product product = snapshot.product();
            // Only what can still be bought: a digest must not send anyone to a sold-out page.
            VariantAvailability.of(snapshot).stream()
                    .filter(v -> skus.contains(v.sku()) && v.availability().buyable())
                    .findFirst()
                    .flatMap(v -> SkuDetails.of(product, v.sku()))
                    .ifPresent(details -> items.add(new Item(details, product.categoryIds())));
        }));
        return items;
    }

    private int sendTo(DigestStore.Subscriber subscriber, List<Item> items, String week, Instant now) {
        Optional<DigestStore.Recipient> claimed = store.claim(subscriber.subscriberId(), week);
        if (claimed.isEmpty()) {
            return 0;
        }
        DigestStore.Recipient recipient = claimed.get();
        Language language = Optional.ofNullable(Language.ofTag(recipient.language())).orElse(Language.EN);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Item item : items) {
            if (recipient.categoryIds().isEmpty()
                    || item.categoryIds().stream().anyMatch(recipient.categoryIds()::contains)) {
                Map<String, Object> line = new HashMap<>(item.details().model(language));
                line.put("variant", false); // the digest lists products, not sizes
                line.put("productUrl", links.product(item.details().productId()));
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            return 0; // nothing came back in their categories: no e-mail this week
        }
        String unsubscribeUrl = links.unsubscribe(recipient.subscriberId(), now);
        Map<String, Object> model = new HashMap<>();
        model.put("items", lines);
        model.put("unsubscribeUrl", unsubscribeUrl);
        try {
            String messageId = mailer.send(new OutgoingEmail(recipient.email(),
                    renderer.render("digest", language, model), unsubscribeUrl));
            store.recordSent(recipient.subscriberId(), messageId);
            return 1;
        } catch (RuntimeException e) {
            // Claimed for this week either way: at most one digest, never two.
            LOG.log(Level.WARNING, "digest for one subscriber not confirmed sent in " + week, e);
            return 0;
        }
    }
}
