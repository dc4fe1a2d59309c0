package io.shopcare.alerts.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.shopcare.alerts.ConfirmationMails;
import io.shopcare.alerts.Subscription;
import io.shopcare.config.Environment;
import io.shopcare.streams.StreamBatchProcessor;
import java.util.Map;

/**
 * The alerts table's stream, filtered to subscriptions whose confirmation e-mail was requested:
 * sends each once. Reports partial batch failures, so one failing record is retried alone.
 */
public final class ConfirmationMailHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final ConfirmationMails mails;

    public ConfirmationMailHandler() {
        this(System.getenv());
    }

    public ConfirmationMailHandler(Map<String, String> environment) {
        this(SubscriptionHandlers.confirmationMails(new Environment(environment)));
    }

    public ConfirmationMailHandler(ConfirmationMails mails) {
        this.mails = mails;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatchProcessor.eachRecord(event, context, record -> {
            String pk = StreamBatchProcessor.newImage(record, "pk");
            String sk = StreamBatchProcessor.newImage(record, "sk");
            String request = StreamBatchProcessor.newImage(record, "mailRequest");
            Subscription.Ref ref = pk == null || sk == null ? null : DynamoSubscriptionStore.refOf(pk, sk);
            if (ref != null && request != null) { // the filter lets nothing else through
                mails.send(ref, request);
            }
        });
    }
}
