package io.shopcare.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.availability.AvailabilityProjector;
import io.shopcare.availability.AvailabilityQueries;
import io.shopcare.availability.InventorySnapshot;
import io.shopcare.availability.InventorySource;
import io.shopcare.availability.ListingEntry;
import io.shopcare.availability.ProductProjection;
import io.shopcare.availability.ReadModel;
import io.shopcare.availability.aws.InventoryStreamHandler;
import io.shopcare.availability.aws.ProductDetailHandler;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SnapStart hooks, called as Lambda's runtime calls them around a snapshot: priming goes
 * through the handler's own path, reads only what cannot exist and writes nothing; a failing
 * priming does not fail the snapshot; after restore the handler's refresh runs.
 */
class SnapStartHooksTest {

    /** Every read is recorded; any write fails the test. */
    private static final class ReadOnlyModel implements ReadModel {
        final List<String> reads = new ArrayList<>();

        @Override
        public void save(ProductProjection projection, Collection<String> droppedCategories,
                         Collection<String> droppedSkus) {
            throw new AssertionError("priming wrote a projection");
        }

        @Override
        public List<ListingEntry> categoryEntries(String categoryId) {
            reads.add("category " + categoryId);
            return List.of();
        }

        @Override
        public boolean hasCategory(String categoryId) {
            reads.add("has category " + categoryId);
            return false;
        }

        @Override
        public void saveAlternatives(String productId, List<Map<String, Object>> alternatives) {
            throw new AssertionError("priming wrote alternatives");
        }

        @Override
        public Optional<Map<String, Object>> productDetail(String productId) {
            reads.add("product " + productId);
            return Optional.empty();
        }

        @Override
        public Optional<List<Map<String, Object>>> skuStores(String sku) {
            reads.add("stores " + sku);
            return Optional.empty();
        }
    }

    private static final class ReadOnlyInventory implements InventorySource {
        final List<String> reads = new ArrayList<>();

        @Override
        public Optional<InventorySnapshot> load(String productId) {
            reads.add(productId);
            return Optional.empty();
        }

        @Override
        public List<String> productsStockedAt(String locationId) {
            reads.add("location " + locationId);
            return List.of();
        }

        @Override
        public void touch(String productId) {
            throw new AssertionError("priming touched a product");
        }
    }

    @Test
    void anHttpHandlerPrimesThroughItsOwnPathWithAReadOfAProductThatCannotExist() throws Exception {
        ReadOnlyModel readModel = new ReadOnlyModel();
        ProductDetailHandler handler = new ProductDetailHandler(new AvailabilityQueries(readModel));

        handler.snapStartHooks().beforeCheckpoint(null);
        handler.snapStartHooks().afterRestore(null);

        assertEquals(List.of("product snapstart-priming"), readModel.reads);
    }

    @Test
    void aStreamHandlerPrimesWithARecordAboutAProductThatCannotExistAndProjectsNothing() throws Exception {
        ReadOnlyInventory inventory = new ReadOnlyInventory();
        InventoryStreamHandler handler = new InventoryStreamHandler(new AvailabilityProjector(inventory,
                new ReadOnlyModel()));

        handler.snapStartHooks().beforeCheckpoint(null);

        assertEquals(List.of("snapstart-priming"), inventory.reads);
    }

    @Test
    void aFailingPrimingLeavesTheSnapshotColderButDoesNotFailIt() throws Exception {
        List<String> events = new ArrayList<>();
        JsonApiHandler handler = new JsonApiHandler() {
            @Override
            protected ApiResponse handle(ApiRequest request) {
                events.add(request.method() + " " + request.path());
                return ApiResponse.ok(Map.of());
            }

            @Override
            protected String primingEvent() {
                throw new IllegalStateException("no priming event today");
            }

            @Override
            protected void afterRestore() {
                events.add("restored");
            }
        };

        handler.snapStartHooks().beforeCheckpoint(null);
        handler.snapStartHooks().afterRestore(null);

        assertEquals(List.of("restored"), events);
    }

    @Test
    void byDefaultPrimingIsARequestRefusedAtTheEdge() throws Exception {
        List<String> seen = new ArrayList<>();
        JsonApiHandler handler = new JsonApiHandler() {
            @Override
            protected ApiResponse handle(ApiRequest request) {
                seen.add(request.method() + " " + request.path());
                return ApiResponse.ok(Map.of("id", request.pathId("id")));
            }
        };

        handler.snapStartHooks().beforeCheckpoint(null);

        assertEquals(List.of("GET /snapstart-priming"), seen);
        assertTrue(handler.handleRequest(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.builder()
                .withRawPath("/x").build(), null).getStatusCode() == 400, "no id: refused before any read");
    }
}
