package io.shopcare.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shopcare.catalog.Carrier.Method;
import io.shopcare.catalog.Carrier.TransitDays;
import io.shopcare.testing.InMemoryCatalog;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Carriers are written like locations: an unchanged PUT writes nothing, a change writes a new version. */
class CatalogServiceTest {
    private final InMemoryCatalog repository = new InMemoryCatalog();
    private final CatalogService catalog = new CatalogService(repository);

    private static Carrier carrier(String id, String price) {
        return new Carrier(id, "Carrier " + id, List.of(Method.HOME), new TransitDays(1, 2),
                new Money(new BigDecimal(price), "EUR"), null, "https://t.example.com/{trackingNumber}", List.of());
    }

    @Test
    void anUnchangedCarrierIsNotWrittenAgainAndAChangedOneIs() {
        assertEquals(carrier("ppl", "4.90"), catalog.putCarrier(carrier("ppl", "4.90")));
        assertEquals(1, repository.findCarrier("ppl").orElseThrow().version());
        catalog.putCarrier(carrier("ppl", "4.90"));
        assertEquals(1, repository.findCarrier("ppl").orElseThrow().version(), "the same carrier again writes nothing");
        catalog.putCarrier(carrier("ppl", "5.90"));
        assertEquals(2, repository.findCarrier("ppl").orElseThrow().version());
        assertEquals(carrier("ppl", "5.90"), repository.carrier("ppl").orElseThrow());
    }

    @Test
    void everyCarrierIsListedByIdAndAnUnknownOneIsAbsent() {
        catalog.putCarrier(carrier("zasilkovna", "2.90"));
        catalog.putCarrier(carrier("dpd", "5.90"));
        assertEquals(List.of("dpd", "zasilkovna"), repository.carriers().stream().map(Carrier::carrierId).toList());
        assertEquals(java.util.Optional.empty(), repository.carrier("ups"));
    }
}
