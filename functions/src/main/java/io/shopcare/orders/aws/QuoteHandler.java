package io.shopcare.orders.aws;

import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import io.shopcare.orders.OrderService;
import io.shopcare.orders.OrderService.QuoteOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** POST /orders/quote: each delivery option that can serve the lines, with its price and estimate. */
public final class QuoteHandler extends JsonApiHandler {
    private final OrderService orders;

    public QuoteHandler() {
        this(System.getenv());
    }

    public QuoteHandler(Map<String, String> environment) {
        this(OrderServices.create(new Environment(environment), null, Clock.systemUTC()));
    }

    public QuoteHandler(OrderService orders) {
        this.orders = orders;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        OrderRequests.Quote quote = OrderRequests.quote(request.jsonBody());
        List<Map<String, Object>> options = orders.quote(quote.lines(), quote.method(), quote.storeId()).stream()
                .map(QuoteHandler::option).toList();
        return ApiResponse.ok(Map.of("options", options));
    }

    private static Map<String, Object> option(QuoteOption option) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", option.method().name());
        if (option.carrierId() != null) {
            json.put("carrier", option.carrierId());
        }
        if (option.storeId() != null) {
            json.put("storeId", option.storeId());
        }
        json.put("price", option.price().toJson());
        json.put("estimatedDelivery", Map.of("earliest", option.estimate().earliest().toString(),
                "latest", option.estimate().latest().toString()));
        return json;
    }
}
