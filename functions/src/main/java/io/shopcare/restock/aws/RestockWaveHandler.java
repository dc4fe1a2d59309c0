package io.shopcare.restock.aws;

import com.amazonaws.services.lambda.runtime.Context;
import io.shopcare.alerts.aws.EmailLinks;
import io.shopcare.catalog.aws.DynamoCatalogRepository;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.dynamo.AlertsTable;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.aws.SesMailer;
import io.shopcare.restock.WaveRunner;
import io.shopcare.streams.StreamBatchProcessor;
import io.shopcare.streams.StreamHandler;
import io.shopcare.streams.StreamRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The alerts table's stream, filtered to wave hand-offs: sends restock waves. Each record is a
 * hand-off (a new wave, or a worker that stopped before its timeout); failures are reported per
 * record and retried, and a retry resumes the same worker's lease.
 */
public final class RestockWaveHandler extends StreamHandler {
    private final WaveRunner runner;

    public RestockWaveHandler() {
        this(System.getenv());
    }

    public RestockWaveHandler(Map<String, String> environment) {
        this(runner(new Environment(environment)));
    }

    public RestockWaveHandler(WaveRunner runner) {
        this.runner = runner;
    }

    private static WaveRunner runner(Environment env) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
        int concurrency = Integer.parseInt(env.require("SEND_CONCURRENCY"));
        // As many claiming as sending threads. At most SendConcurrency alerts are claimed and not yet
        // confirmed sent: what a crash can leave unsent, the same bound as one claim-then-send per
        // thread. A longer head start measured no faster here and would widen that window.
        WaveRunner.Workers workers = new WaveRunner.Workers(pool("wave-claimer", concurrency),
                pool("wave-sender", concurrency), concurrency);
        return new WaveRunner(RestockStores.of(dynamoDb, env.require("ALERTS_TABLE")).waves(),
                new DynamoCatalogRepository(dynamoDb, env.require("INVENTORY_TABLE"), Clock.systemUTC()),
                SesMailer.fromEnvironment(env),
                new EmailRenderer(),
                EmailLinks.fromEnvironment(env),
                // Chunks of 32 per sender: each costs one query, one reservation and one record of
                // message ids, so big chunks keep those small per alert; one chunk takes seconds at most.
                Clock.systemUTC(), workers, 32 * concurrency, Duration.ofSeconds(15));
    }

    private static ExecutorService pool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The hand-off of a wave that cannot exist: read, found missing, nothing claimed or sent. */
    @Override
    protected String primingEvent() {
        return primingRecord(Map.of("pk", AlertsTable.skuPk("SNAPSTART-PRIMING"), "sk", AlertsTable.waveSk("snapstart-priming")),
                Map.of("sku", "SNAPSTART-PRIMING", "step", "0"));
    }

    @Override
    protected List<String> process(List<StreamRecord> records, Context context) {
        return StreamBatchProcessor.eachRecord(records, context, record -> {
            String sku = record.newImage("sku");
            String step = record.newImage("step");
            String waveId = AlertsTable.waveIdOf(record.key("sk"));
            if (sku != null && step != null && waveId != null) {
                runner.run(sku, waveId, Long.parseLong(step), context::getRemainingTimeInMillis);
            }
        });
    }
}
