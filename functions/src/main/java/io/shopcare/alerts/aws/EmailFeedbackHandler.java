package io.shopcare.alerts.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.shopcare.alerts.Suppressions;
import io.shopcare.config.Environment;
import io.shopcare.json.Json;
import io.shopcare.lambda.Telemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * SES bounce and complaint events (configuration set → SNS): a permanent bounce or a complaint
 * suppresses every alert and the digest of that address. Transient bounces change nothing.
 * Idempotent: suppressing twice changes nothing the second time.
 */
public final class EmailFeedbackHandler implements RequestHandler<SNSEvent, Integer> {
    private static final Logger LOG = Logger.getLogger(EmailFeedbackHandler.class.getName());
    private final Suppressions suppressions;

    public EmailFeedbackHandler() {
        this(System.getenv());
    }

    public EmailFeedbackHandler(Map<String, String> environment) {
        this(SubscriptionHandlers.suppressions(new Environment(environment)));
    }

    public EmailFeedbackHandler(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    /** Returns how many subscriptions were suppressed. */
    @Override
    public Integer handleRequest(SNSEvent event, Context context) {
        return Telemetry.invoke(context, () -> suppress(event), n -> n + " subscription(s) suppressed");
    }

    private int suppress(SNSEvent event) {
        int suppressed = 0;
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            for (String address : addressesToSuppress(record.getSNS().getMessage())) {
                suppressed += suppressions.suppress(address);
            }
        }
        return suppressed;
    }

    @SuppressWarnings("unchecked")
    static List<String> addressesToSuppress(String message) {
        Map<String, Object> notice;
        try {
            notice = Json.parseObject(message);
        } catch (RuntimeException e) {
            LOG.warning("ignoring an SES notification that is not JSON");
            return List.of();
        }
        // Event publishing says "eventType"; the older identity notifications say "notificationType".
        Object type = notice.getOrDefault("eventType", notice.get("notificationType"));
        List<String> addresses = new ArrayList<>();
        if ("Bounce".equals(type)) {
            Map<String, Object> bounce = (Map<String, Object>) notice.getOrDefault("bounce", Map.of());
            if ("Permanent".equals(bounce.get("bounceType"))) {
                collect(bounce.get("bouncedRecipients"), addresses);
            }
        } else if ("Complaint".equals(type)) {
            Map<String, Object> complaint = (Map<String, Object>) notice.getOrDefault("complaint", Map.of());
            collect(complaint.get("complainedRecipients"), addresses);
        }
        return addresses;
    }

    private static void collect(Object recipients, List<String> into) {
        if (recipients instanceof List<?> list) {
            for (Object recipient : list) {
                if (recipient instanceof Map<?, ?> r && r.get("emailAddress") instanceof String address) {
                    into.add(address);
                }
            }
        }
    }
}
