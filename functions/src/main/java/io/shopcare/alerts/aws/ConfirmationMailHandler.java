package io.shopcare.alerts.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.shopcare.alerts.ConfirmationMails;
import io.shopcare.alerts.Subscription;
import io.shopcare.config.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The alerts table's stream, filtered to subscriptions whose confirmation e-mail was requested:
 * sends each once. Reports partial batch failures, so one failing record is retried alone.
 */
public final class ConfirmationMailHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final Logger LOG = Logger.getLogger(ConfirmationMailHandler.class.getName());
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
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            Map<String, AttributeValue> image = record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
            Subscription.Ref ref = image == null || image.get("pk") == null || image.get("sk") == null ? null
                    : DynamoSubscriptionStore.refOf(image.get("pk").getS(), image.get("sk").getS());
            AttributeValue request = image == null ? null : image.get("mailRequest");
            if (ref == null || request == null) {
                continue; // not a subscription asking for mail: the filter lets nothing else through
            }
            try {
                mails.send(ref, request.getS());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "confirmation e-mail of a subscription will be retried", e);
                failures.add(StreamsEventResponse.BatchItemFailure.builder()
                        .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build());
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }
}
