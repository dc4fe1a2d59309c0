package io.shopcare.merchant.aws;

import com.amazonaws.services.lambda.runtime.Context;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.aws.SesMailer;
import io.shopcare.merchant.MerchantNotices;
import io.shopcare.streams.StreamBatchProcessor;
import io.shopcare.streams.StreamHandler;
import io.shopcare.streams.StreamRecord;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The alerts table's stream, filtered to new merchant notices: e-mails each one once. */
public final class MerchantNoticeHandler extends StreamHandler {
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
    protected List<String> process(List<StreamRecord> records, Context context) {
        return StreamBatchProcessor.eachRecord(records, context,
                record -> notices.deliver(record.key("pk"), record.key("sk")));
    }
}
