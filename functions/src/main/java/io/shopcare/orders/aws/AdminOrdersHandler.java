package io.shopcare.orders.aws;

import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import io.shopcare.mail.EmailAddress;
import io.shopcare.orders.Order;
import io.shopcare.orders.AftercareService;
import io.shopcare.orders.OrderService;
import io.shopcare.orders.Ticket;
import io.shopcare.orders.OrderStore;
import io.shopcare.outcome.Refusal;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The merchant's order routes: GET /admin/orders (the fulfilment queue by status, oldest first, or
 * one customer's orders by e-mail, newest first), GET /admin/orders/{orderId} and POST
 * /admin/orders/{orderId}/events (payment providers and carriers retry: with the same
 * Idempotency-Key a repeated event is answered again and has no second effect).
 */
public final class AdminOrdersHandler extends JsonApiHandler {
    private final OrderService orders;
    private final AftercareService aftercare;

    public AdminOrdersHandler() {
        this(System.getenv());
    }

    public AdminOrdersHandler(Map<String, String> environment) {
        this(OrderServices.wire(new Environment(environment), "admin-order-event", Clock.systemUTC()));
    }

    private AdminOrdersHandler(OrderServices.Services services) {
        this(services.orders(), services.aftercare());
    }

    public AdminOrdersHandler(OrderService orders, AftercareService aftercare) {
        this.orders = orders;
        this.aftercare = aftercare;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        if (request.path().startsWith("/admin/tickets")) {
            return tickets(request);
        }
        if ("GET".equals(request.method()) && request.path().endsWith("/admin/orders")) {
            return list(request);
        }
        String orderId = request.pathId("orderId");
        if ("GET".equals(request.method())) {
            return ApiResponse.ok(orders.answer(orders.adminRead(orderId)));
        }
        var key = OrderRequests.scopedKey(request, "admin:" + orderId);
        return ApiResponse.rawJson(200, orders.adminEvent(orderId, OrderRequests.adminEvent(request.jsonBody()), key));
    }

    /** GET /admin/tickets?status= (one query: priority, then age) and POST /admin/tickets/{ticketId}/resolution. */
    private ApiResponse tickets(ApiRequest request) {
        if ("GET".equals(request.method())) {
            request.allowQueryParameters(Set.of("status", "limit", "cursor"));
            String status = request.query("status") == null ? "OPEN" : request.query("status");
            Ticket.Status parsed = Arrays.stream(Ticket.Status.values()).filter(s -> s.name().equals(status)).findFirst()
                    .orElseThrow(() -> Refusal.invalid("status", "must be one of " + Arrays.toString(Ticket.Status.values())));
            OrderStore.TicketPage page = aftercare.tickets(parsed, request.limit(), request.query("cursor"));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("items", page.tickets().stream().map(Ticket::toJson).toList());
            if (page.nextCursor() != null) {
                json.put("nextCursor", page.nextCursor());
            }
            return ApiResponse.ok(json);
        }
        String ticketId = request.pathId("ticketId");
        var key = OrderRequests.scopedKey(request, "admin-ticket:" + ticketId);
        return ApiResponse.rawJson(200, aftercare.resolveTicket(ticketId, OrderRequests.resolution(request.jsonBody()), key));
    }

    private ApiResponse list(ApiRequest request) {
        request.allowQueryParameters(Set.of("status", "email", "limit", "cursor"));
        String status = request.query("status");
        String email = request.query("email");
        if ((status == null) == (email == null)) {
            throw Refusal.invalid("status", "give exactly one of status and email");
        }
        Order.Status parsed = null;
        if (status != null) {
            parsed = Arrays.stream(Order.Status.values()).filter(s -> s.name().equals(status)).findFirst()
                    .orElseThrow(() -> Refusal.invalid("status", "must be one of " + Arrays.toString(Order.Status.values())));
        }
        if (email != null && EmailAddress.parse(email).isEmpty()) {
            throw Refusal.invalid("email", "must be an e-mail address");
        }
        String normalised = email == null ? null : EmailAddress.parse(email).get().normalised();
        OrderStore.Page page = orders.list(parsed, normalised, request.limit(), request.query("cursor"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", page.orders().stream().map(orders::answer).toList());
        if (page.nextCursor() != null) {
            json.put("nextCursor", page.nextCursor());
        }
        return ApiResponse.ok(json);
    }
}
