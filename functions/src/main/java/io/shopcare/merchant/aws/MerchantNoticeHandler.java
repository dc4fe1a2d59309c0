package io.shopcare.merchant.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.aws.SesMailer;
import io.shopcare.merchant.MerchantNotices;
import io.shopcare.streams.StreamBatchProcessor;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The alerts table's stream, filtered to new merchant notices: e-mails each one once. */
public final class MerchantNoticeHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final MerchantNotices notices;

    public MerchantNoticeHandler() {
        this(System.getenv());
    }

    public MerchantNoticeHandler(Map<String, String> environment) {
        this(notices(new Environment(environment)));
    }

    public MerchantNoticeHandler(MerchantNotices notices) {
        this.notices = notices;
    }

    private static MerchantNotices notices(Environment env) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
        return new MerchantNotices(new DynamoNoticeStore(dynamoDb, env.require("ALERTS_TABLE")),
                SesMailer.fromEnvironment(env),
                new EmailRenderer(), env.require("MERCHANT_ALERT_EMAIL"));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatchProcessor.eachRecord(event, context, record -> notices.deliver(StreamBatchProcessor.key(record, "pk"),
                StreamBatchProcessor.key(record, "sk")));
    }
}
