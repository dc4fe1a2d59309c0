package io.shopcare.catalog.aws;

import io.shopcare.catalog.CatalogService;
import io.shopcare.catalog.Location;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import java.time.Clock;
import java.util.Map;

/** PUT /admin/locations/{locationId}: creates or replaces a warehouse or store. */
public final class PutLocationHandler extends JsonApiHandler {
    private final CatalogService catalog;

    public PutLocationHandler() {
        this(System.getenv());
    }

    public PutLocationHandler(Map<String, String> environment) {
        this(catalogService(new Environment(environment)));
    }

    public PutLocationHandler(CatalogService catalog) {
        this.catalog = catalog;
    }

    static CatalogService catalogService(Environment env) {
        return new CatalogService(new DynamoCatalogRepository(AwsClients.dynamoDb(env),
                env.require("INVENTORY_TABLE"), Clock.systemUTC()));
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String locationId = request.pathId("locationId");
        Location location = CatalogRequests.location(locationId, request.jsonBody());
        return ApiResponse.ok(catalog.putLocation(location).toJson());
    }
}
