package io.shopcare.orders.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.shopcare.config.Environment;
import io.shopcare.lambda.Telemetry;
import io.shopcare.orders.OrderService;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Schedule, every minute: payment reminders, unpaid orders past dueBy, pickup reminders and
 * uncollected store pickups, found through the sparse deadline index (never a scan). Returns how
 * many orders it acted on.
 */
public final class OrderDeadlinesHandler implements RequestHandler<ScheduledEvent, Integer> {
    private static final int PER_RUN = 500;
    private final OrderService orders;

    public OrderDeadlinesHandler() {
        this(System.getenv());
    }

    public OrderDeadlinesHandler(Map<String, String> environment) {
        this(environment, Clock.systemUTC());
    }

    /** With another clock: tests run the sweep as if its time had come. */
    public OrderDeadlinesHandler(Map<String, String> environment, Clock clock) {
        this(OrderServices.create(new Environment(environment), null, clock));
    }

    public OrderDeadlinesHandler(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        // The later of the schedule's time and now: a late invocation handles all that is due by now, and a
        // schedule fired as if its time had come (tests, replays) handles what was due then.
        Instant now = event != null && event.getTime() != null ? Instant.ofEpochMilli(event.getTime().getMillis())
                : Instant.now();
        return Telemetry.invoke(context, () -> orders.runDeadlines(now.isAfter(Instant.now()) ? now : Instant.now(),
                PER_RUN), acted -> acted + " order deadline(s) handled");
    }
}
