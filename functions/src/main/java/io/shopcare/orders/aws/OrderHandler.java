package io.shopcare.orders.aws;

import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import io.shopcare.orders.AftercareService;
import io.shopcare.orders.OrderService;
import java.time.Clock;
import java.util.Map;

/**
 * The shopper's order routes, all behind the order's access token (404 when it is wrong or
 * missing, never revealing that the order exists): GET and PATCH /orders/{orderId}, POST
 * …/cancellations, POST …/payments, PUT …/delivery, and after delivery POST …/returns and
 * POST …/tickets.
 */
public final class OrderHandler extends JsonApiHandler {
    private final OrderService orders;
    private final AftercareService aftercare;

    public OrderHandler() {
        this(System.getenv());
    }

    public OrderHandler(Map<String, String> environment) {
        this(OrderServices.wire(new Environment(environment), "order", Clock.systemUTC()));
    }

    private OrderHandler(OrderServices.Services services) {
        this(services.orders(), services.aftercare());
    }

    public OrderHandler(OrderService orders, AftercareService aftercare) {
        this.orders = orders;
        this.aftercare = aftercare;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String orderId = request.pathId("orderId");
        String token = OrderRequests.bearer(request);
        String path = request.path();
        String method = request.method();
        if ("GET".equals(method)) {
            return ApiResponse.ok(orders.answer(orders.read(orderId, token)));
        }
        var key = OrderRequests.scopedKey(request, orderId);
        if ("PATCH".equals(method)) {
            return ApiResponse.rawJson(200, orders.modify(orderId, token, OrderRequests.modification(request.jsonBody()), key));
        }
        if (path.endsWith("/cancellations")) {
            return ApiResponse.rawJson(200, orders.cancel(orderId, token, OrderRequests.cancellation(request), key));
        }
        if (path.endsWith("/returns")) {
            return ApiResponse.rawJson(201, aftercare.createReturn(orderId, token,
                    OrderRequests.returnRequest(request.jsonBody()), key));
        }
        if (path.endsWith("/tickets")) {
            return ApiResponse.rawJson(201, aftercare.openTicket(orderId, token,
                    OrderRequests.ticketRequest(request.jsonBody()), key));
        }
        if (path.endsWith("/payments")) {
            return ApiResponse.rawJson(200, orders.changePayment(orderId, token, OrderRequests.payment(request.jsonBody()), key));
        }
        OrderRequests.DeliveryChange change = OrderRequests.deliveryChange(request.jsonBody());
        return ApiResponse.rawJson(200, orders.changeDelivery(orderId, token, change.extendPickupDays(), change.slot(), key));
    }
}
