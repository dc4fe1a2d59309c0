package io.shopcare.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shopcare.json.Json;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored form of a location, including documents written before the dispatch fields existed. */
class LocationTest {

    /** Exactly what PUT /admin/locations stored before dispatchCutoff, dailyCapacity and storageDays. */
    private static final String STORED_BEFORE_THE_DISPATCH_FIELDS = """
            {"locationId": "store-brno", "type": "STORE", "name": "Shopcare Brno",
             "address": {"street": "Masarykova 8", "city": "Brno", "postcode": "602 00", "country": "CZ"},
             "phone": "+420 542 100 300", "timezone": "Europe/Prague",
             "openingHours": [{"day": "MON", "opens": "10:00", "closes": "19:00"}],
             "shipsOnline": false, "pickup": true, "processingDays": 0}""";

    @Test
    void aDocumentStoredBeforeTheDispatchFieldsGetsTheirDefaults() {
        Location location = Location.fromJson(Json.parseObject(STORED_BEFORE_THE_DISPATCH_FIELDS));
        assertEquals(LocalTime.of(14, 0), location.dispatchCutoff());
        assertEquals(200, location.dailyCapacity());
        assertEquals(7, location.storageDays());
        assertEquals("store-brno", location.locationId());
        assertEquals(List.of(new Location.OpeningHours("MON", "10:00", "19:00")), location.openingHours());
        // Its answer now carries the defaults.
        assertEquals("14:00", location.toJson().get("dispatchCutoff"));
        assertEquals(200, location.toJson().get("dailyCapacity"));
        assertEquals(7, location.toJson().get("storageDays"));
    }

    @Test
    void explicitDispatchFieldsSurviveTheStoredForm() {
        Location old = Location.fromJson(Json.parseObject(STORED_BEFORE_THE_DISPATCH_FIELDS));
        Location location = new Location(old.locationId(), old.type(), old.name(), old.address(), old.phone(),
                old.timezone(), old.openingHours(), old.shipsOnline(), old.pickup(), old.processingDays(),
                LocalTime.of(9, 5), 35, 14);
        String stored = Json.write(location.toJson());
        Location read = Location.fromJson(Json.parseObject(stored));
        assertEquals(location, read);
        assertEquals("09:05", read.toJson().get("dispatchCutoff"));
    }
}
