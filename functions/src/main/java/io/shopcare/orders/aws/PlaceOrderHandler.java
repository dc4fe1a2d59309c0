package io.shopcare.orders.aws;

import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import io.shopcare.json.Json;
import io.shopcare.orders.OrderService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POST /orders: reserves every line in one atomic write and answers 201 with the order and its
 * access token. The reply kept for an Idempotency-Key holds no token; a replay recomputes it.
 */
public final class PlaceOrderHandler extends JsonApiHandler {
    private final OrderService orders;

    public PlaceOrderHandler() {
        this(System.getenv());
    }

    public PlaceOrderHandler(Map<String, String> environment) {
        this(OrderServices.create(new Environment(environment), "place-order", Clock.systemUTC()));
    }

    public PlaceOrderHandler(OrderService orders) {
        this.orders = orders;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        var key = request.idempotencyKey();
        var place = OrderRequests.place(request.jsonBody(), request.header("accept-language"));
        OrderService.Placed placed = orders.place(place, key);
        Map<String, Object> answer = new LinkedHashMap<>(Json.parseObject(placed.reply()));
        answer.put("accessToken", placed.accessToken());
        return ApiResponse.json(201, answer);
    }
}
