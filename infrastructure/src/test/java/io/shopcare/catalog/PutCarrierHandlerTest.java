package io.shopcare.catalog;

import static io.shopcare.testing.EmbeddedTables.INVENTORY;
import static io.shopcare.testing.EmbeddedTables.httpEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.shopcare.catalog.aws.DynamoCatalogRepository;
import io.shopcare.catalog.aws.PutCarrierHandler;
import io.shopcare.catalog.aws.PutLocationHandler;
import io.shopcare.json.Json;
import io.shopcare.testing.EmbeddedTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The events/put-carrier.json sample through both of the handler's entry points, on DynamoDB Local. */
class PutCarrierHandlerTest {
    private static EmbeddedTables tables;
    private static DynamoCatalogRepository repository;
    private static PutCarrierHandler handler;

    @BeforeAll
    static void setUp() {
        tables = new EmbeddedTables();
        repository = new DynamoCatalogRepository(tables.client(), INVENTORY, Clock.systemUTC());
        handler = new PutCarrierHandler(new CatalogService(repository));
    }

    @AfterAll
    static void tearDown() {
        tables.close();
    }

    @Test
    void theSampleEventStoresTheCarrierAndAnswersIt() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(httpEvent("put-carrier.json"), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        Map<String, Object> answer = Json.parseObject(response.getBody());
        assertEquals("sample-courier", answer.get("carrierId"));
        assertEquals(repository.carrier("sample-courier").orElseThrow().toJson(), answer);
        assertEquals(List.of(Map.of("from", "08:00", "to", "12:00"), Map.of("from", "12:00", "to", "16:00")),
                answer.get("deliverySlots"));
    }

    @Test
    void theRawEventEntryPointLambdaCallsAnswersTheSameAndCarriersAndLocationsStayApart() throws Exception {
        byte[] event = Files.readAllBytes(EmbeddedTables.eventsDir().resolve("put-carrier.json"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        Map<String, Object> payload = Json.parseObject(out.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, payload.get("statusCode"));
        assertEquals("sample-courier", Json.parseObject((String) payload.get("body")).get("carrierId"));

        assertEquals(200, new PutLocationHandler(new CatalogService(repository))
                .handleRequest(httpEvent("put-location.json"), null).getStatusCode());
        assertEquals(List.of("sample-courier"), repository.carriers().stream().map(Carrier::carrierId).toList());
        assertEquals(List.of("sample-warehouse"), repository.locations().stream().map(Location::locationId).toList());
    }
}
