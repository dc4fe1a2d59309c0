package io.shopcare.alerts.aws;

import com.amazonaws.services.lambda.runtime.Context;
import io.shopcare.alerts.ConfirmationMails;
import io.shopcare.alerts.Subscription;
import io.shopcare.config.Environment;
import io.shopcare.dynamo.AlertsTable;
import io.shopcare.streams.StreamBatchProcessor;
import io.shopcare.streams.StreamHandler;
import io.shopcare.streams.StreamRecord;
import java.util.List;
import java.util.Map;

/**
 * The alerts table's stream, filtered to subscriptions whose confirmation e-mail was requested:
 * sends each once. Reports partial batch failures, so one failing record is retried alone.
 */
public final class ConfirmationMailHandler extends StreamHandler {
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

    /** The mail request of a subscription that cannot exist: its claim's condition fails, nothing is written or sent. */
    @Override
    protected String primingEvent() {
        String pk = AlertsTable.skuPk("SNAPSTART-PRIMING");
        String sk = AlertsTable.alertSk("snapstart-priming");
        return primingRecord(Map.of("pk", pk, "sk", sk), Map.of("pk", pk, "sk", sk, "mailRequest", "snapstart-priming"));
    }

    @Override
    protected List<String> process(List<StreamRecord> records, Context context) {
        return StreamBatchProcessor.eachRecord(records, context, record -> {
            String pk = record.newImage("pk");
            String sk = record.newImage("sk");
            String request = record.newImage("mailRequest");
            Subscription.Ref ref = pk == null || sk == null ? null : DynamoSubscriptionStore.refOf(pk, sk);
            if (ref != null && request != null) { // the filter lets nothing else through
                mails.send(ref, request);
            }
        });
    }
}
