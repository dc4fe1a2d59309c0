package io.shopcare.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * template.yaml on one machine: DynamoDB Local with the template's tables, the SES emulator,
 * every HttpApi route and every stream trigger, feeding handlers the event objects Lambda would.
 * Handlers find the local services through the SDK's own endpoint configuration (system properties).
 */
public final class LocalStack implements AutoCloseable {
    static final String REGION = "eu-central-1";
    static final String ACCOUNT = "000000000000";
    private static final String DEMO_DATA_PENDING = "demo-data.pending";
    private final LocalDynamoDb dynamo;
    private final SesEmulator ses;
    private final LocalSecrets secrets;
    private final SecretsManagerEmulator secretsManager;
    private final HttpGateway gateway;
    private final StorefrontServer storefront;
    private final LambdaInvokeServer invokeServer;
    /** Lambda retries a failed asynchronous invocation after 1, then 2 minutes; locally after 1, then 2 seconds. */
    private final AsyncInvoker asyncInvoker = new AsyncInvoker(Duration.ofSeconds(1), System.out);
    private final Scheduler scheduler = new Scheduler(asyncInvoker);
    private final Map<String, LocalFunction> functionsById = new java.util.LinkedHashMap<>();
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private final String adminToken;
    private final StreamTriggers streamTriggers;
    /** No table existed before this start (or a demo-data load was cut short). */
    private final boolean startedEmpty;

    private LocalStack(LocalStackOptions options) throws IOException {
        // The API port is bound first: the links in e-mails name it before any function is built.
        this.gateway = new HttpGateway(options.port());
        try {
            this.storefront = new StorefrontServer(options.webPort());
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
        Template template;
        try {
            template = template(options, "http://localhost:" + gateway.port(), storefront.url());
            this.adminToken = options.adminToken() != null ? options.adminToken() : randomToken();
            if (options.dataDir() != null) {
                Files.createDirectories(options.dataDir());
            }
            // Secret values are kept in the data dir, so e-mailed links survive a restart.
            this.secrets = LocalSecrets.open(template.secrets(), options.dataDir());
            template.resolveSecretsWith(secrets);
        } catch (IOException | RuntimeException e) {
            gateway.close();
            storefront.close();
            throw e;
        }
        int sesPort = options.sesPort() == 0 ? LocalDynamoDb.freePort() : options.sesPort();
        // node starts the SES emulator while DynamoDB Local starts in this JVM.
        CompletableFuture<SesEmulator> sesStarting = CompletableFuture.supplyAsync(
                () -> SesEmulator.start(options.projectDir(), sesPort));
        try {
            this.dynamo = LocalDynamoDb.start(options.dataDir());
        } catch (RuntimeException e) {
            sesStarting.thenAccept(SesEmulator::close);
            gateway.close();
            storefront.close();
            throw e;
        }
        SesEmulator startedSes = null;
        StreamTriggers startedTriggers = null;
        SecretsManagerEmulator startedSecrets = null;
        try {
            startedSes = started(sesStarting);
            startedSecrets = SecretsManagerEmulator.start(secrets, 0, SecretsManagerEmulator.Access.ANYONE);
            configureSdk(dynamo.endpoint(), startedSes.url(), startedSecrets.url());
            this.dynamoDb = DynamoDbClient.builder().region(Region.of(REGION))
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
            // The runner's own streams client (Lambda's pollers are not handler code) names its endpoint.
            this.streams = DynamoDbStreamsClient.builder().region(Region.of(REGION))
                    .endpointOverride(URI.create(dynamo.endpoint()))
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
            List<String> existing = dynamoDb.listTables().tableNames();
            this.startedEmpty = existing.isEmpty()
                    || options.dataDir() != null && Files.exists(options.dataDir().resolve(DEMO_DATA_PENDING));
            createTables(template.tables().stream().filter(t -> !existing.contains(t.logicalId())).toList());
            List<Template.Function> definitions = template.functions();
            List<LocalFunction> functions = definitions.stream().map(f -> new LocalFunction(f, REGION,
                    options.handlers().get(f.logicalId()), IamPolicy.fromTemplate(f.logicalId(),
                            template.policies(f.logicalId()), REGION, ACCOUNT))).toList();
            List<StreamTriggers.Source> streamSources = new ArrayList<>();
            for (int i = 0; i < definitions.size(); i++) {
                functionsById.put(definitions.get(i).logicalId(), functions.get(i));
                for (String schedule : definitions.get(i).schedules()) {
                    scheduler.add(functions.get(i), schedule);
                }
                for (Template.StreamSource source : definitions.get(i).streams()) {
                    String arn = dynamoDb.describeTable(r -> r.tableName(source.tableLogicalId())).table().latestStreamArn();
                    streamSources.add(new StreamTriggers.Source(functions.get(i), source, arn));
                }
            }
            startedTriggers = new StreamTriggers(streams, streamSources, REGION, options.dataDir(),
                    options.keepDeliveredBatches());
            this.streamTriggers = startedTriggers;
            gateway.serve(new RouteTable(functions, definitions), CorsPolicy.from(template.httpApiCors()),
                    new AdminAuthorizer(adminToken));
            this.invokeServer = new LambdaInvokeServer(options.lambdaPort(), functionsById, asyncInvoker);
            storefront.serve(options.projectDir().resolve("storefront"), apiUrl());
            this.ses = startedSes;
            this.secretsManager = startedSecrets;
        } catch (RuntimeException e) {
            gateway.close();
            storefront.close();
            asyncInvoker.close();
            scheduler.close();
            if (startedTriggers != null) {
                startedTriggers.close();
            }
            if (startedSecrets != null) {
                startedSecrets.close();
            }
            if (startedSes != null) {
                startedSes.close();
            }
            dynamo.close();
            throw e;
        }
    }

    /**
     * The JVM-wide {@code http.maxConnections} this process needs: {@code HttpURLConnection}, under
     * the functions' SDK clients, keeps at most that many idle connections per host for the whole
     * JVM, 5 by default. In AWS each function's container has its own 5; here some 40 functions,
     * their stream readers and the order reads share one JVM and one DynamoDB Local, so with 5 most
     * calls would open a new connection (measured: 5% more CPU in {@code OrdersEndToEndTest}).
     */
    public static final String KEEP_ALIVE_CONNECTIONS = "64";

    /**
     * Gives this JVM {@link #KEEP_ALIVE_CONNECTIONS} unless set on the command line. Call it first
     * thing in {@code main}: the connection cache reads the property once, on the first connection.
     */
    public static void keepConnectionsAliveAsContainersWould() {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", KEEP_ALIVE_CONNECTIONS);
        }
    }

    public static LocalStack start(LocalStackOptions options) {
        try {
            LocalStack stack = new LocalStack(options);
            try {
                // Demo data goes only into an empty data dir: a restart keeps the merchant's changes.
                if (options.demoData() && stack.startedEmpty) {
                    stack.loadDemoData(options.dataDir());
                }
            } catch (IOException | RuntimeException e) {
                stack.close();
                throw e;
            }
            stack.gateway.logRequests(true);
            return stack;
        } catch (IOException e) {
            throw new IllegalStateException("the local stack did not start", e);
        }
    }

    /**
     * The template with the user's parameter overrides over the local defaults (links in e-mails
     * point at this local API and the demo storefront, as {@code --parameter-overrides
     * LinkBaseUrl=... StorefrontUrl=...} would make them).
     *
     * @throws IllegalArgumentException when an override names no parameter or breaks its constraints
     */
    private static Template template(LocalStackOptions options, String apiUrl, String storefrontUrl) {
        // No payment provider runs here: the card page is the demo storefront's stand-in.
        Map<String, String> parameters = new java.util.HashMap<>(Map.of("LinkBaseUrl", apiUrl,
                "StorefrontUrl", storefrontUrl, "PaymentPageUrl", storefrontUrl + "/pay/{orderId}"));
        parameters.putAll(options.parameterOverrides());
        Template template = Template.load(options.projectDir().resolve("template.yaml"), REGION, parameters);
        List<String> problems = ParameterOverrides.problems(template.parameters(), options.parameterOverrides());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return template;
    }

    private static SesEmulator started(CompletableFuture<SesEmulator> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The SDK reads endpoints, region and credentials from these; handler code has no endpoint logic. */
    private static void configureSdk(String dynamoEndpoint, String sesEndpoint, String secretsManagerEndpoint) {
        System.setProperty("aws.endpointUrlDynamoDb", dynamoEndpoint);
        System.setProperty("aws.endpointUrlSecretsManager", secretsManagerEndpoint);
        System.setProperty("aws.endpointUrlSesV2", sesEndpoint);
        System.setProperty("aws.endpointUrlSes", sesEndpoint);
        System.setProperty("aws.region", REGION);
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
    }

    /**
     * In parallel: the requests overlap in DynamoDB Local (and in the SDK's first-call work). On
     * threads of its own, not the common pool, whose threads may carry a function's role.
     */
    private void createTables(List<Template.Table> tables) {
        ExecutorService creators = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> created = new ArrayList<>();
            tables.forEach(table -> created.add(creators.submit(() -> createTable(table))));
            for (Future<?> future : created) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating tables", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } finally {
            creators.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private void createTable(Template.Table table) {
        Map<String, Object> p = table.properties();
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(table.logicalId())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(((List<Map<String, Object>>) p.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder().attributeName((String) a.get("AttributeName"))
                                .attributeType((String) a.get("AttributeType")).build()).toList())
                .keySchema(keySchema(p.get("KeySchema")));
        List<Map<String, Object>> indexes = (List<Map<String, Object>>) p.get("GlobalSecondaryIndexes");
        if (indexes != null) {
            request.globalSecondaryIndexes(indexes.stream().map(i -> {
                Map<String, Object> projection = (Map<String, Object>) i.get("Projection");
                return GlobalSecondaryIndex.builder().indexName((String) i.get("IndexName"))
                        .keySchema(keySchema(i.get("KeySchema")))
                        .projection(Projection.builder().projectionType((String) projection.get("ProjectionType"))
                                .nonKeyAttributes((List<String>) projection.get("NonKeyAttributes")).build())
                        .build();
            }).toList());
        }
        Map<String, Object> stream = (Map<String, Object>) p.get("StreamSpecification");
        if (stream != null) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType((String) stream.get("StreamViewType")).build());
        }
        dynamoDb.createTable(request.build());
        Map<String, Object> ttl = (Map<String, Object>) p.get("TimeToLiveSpecification");
        if (ttl != null && Boolean.TRUE.equals(ttl.get("Enabled"))) {
            dynamoDb.updateTimeToLive(r -> r.tableName(table.logicalId())
                    .timeToLiveSpecification(t -> t.attributeName((String) ttl.get("AttributeName")).enabled(true)));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<KeySchemaElement> keySchema(Object schema) {
        return ((List<Map<String, Object>>) schema).stream().map(k -> KeySchemaElement.builder()
                .attributeName((String) k.get("AttributeName")).keyType((String) k.get("KeyType")).build()).toList();
    }

    /**
     * Replays demo-data.json through the HTTP routes (the real handlers) and waits for the stream
     * consumers. With a data dir a marker file stands for "demo data not fully loaded yet", so a
     * load cut short (kill -9) is done again on the next start.
     */
    private void loadDemoData(Path dataDir) throws IOException {
        Path pending = dataDir == null ? null : dataDir.resolve(DEMO_DATA_PENDING);
        if (pending != null) {
            Files.writeString(pending, "demo data is being loaded\n");
        }
        DemoData.load(apiUrl(), adminToken);
        awaitIdle(Duration.ofSeconds(60));
        if (pending != null) {
            Files.delete(pending);
        }
    }

    /**
     * Waits until the stream consumers have delivered everything written before this call and
     * everything those deliveries wrote in turn (the projections caught up).
     */
    public void awaitIdle(Duration timeout) {
        streamTriggers.awaitIdle(timeout);
    }

    public String apiUrl() {
        return "http://localhost:" + gateway.port();
    }

    /** The demo storefront (a different origin from the API). */
    public String storefrontUrl() {
        return storefront.url();
    }

    /** The Lambda Invoke API ({@code aws lambda invoke --endpoint-url}). */
    public String lambdaUrl() {
        return "http://localhost:" + invokeServer.port();
    }

    /** The addresses the stack's own listening sockets are bound to, by port name. */
    Map<String, java.net.InetSocketAddress> boundAddresses() {
        return Map.of("api", gateway.boundAddress(), "lambda", invokeServer.boundAddress(),
                "dynamodb", dynamo.boundAddress(), "web", storefront.boundAddress());
    }

    public String sesUrl() {
        return ses.url();
    }

    /** The Secrets Manager emulator serving the template's secrets (the SDK finds it through aws.endpointUrlSecretsManager). */
    public String secretsManagerUrl() {
        return secretsManager.url();
    }

    /**
     * Rotates a secret of the template as {@code PutSecretValue} would: {@code secretString} becomes
     * AWSCURRENT, the value before it AWSPREVIOUS. Functions that read the secret at runtime see it
     * when their cache expires; values resolved into environments at start do not change.
     */
    public void putSecretValue(String secretLogicalId, String secretString) {
        secrets.put(secretLogicalId, secretString, null, null);
    }

    public String adminToken() {
        return adminToken;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** Locally a table is named after its logical id in the template. */
    public String tableName(String logicalId) {
        return logicalId;
    }

    /** Fires a function's Schedule event now, as if its schedule had fired at {@code time}; returns its answer. */
    public Object runSchedule(String functionLogicalId, java.time.Instant time) {
        LocalFunction function = function(functionLogicalId);
        return function.invoke(Scheduler.event(function, time));
    }

    /** Invokes a function of the template directly with an event (tests replaying a delivery). */
    public Object invoke(String functionLogicalId, Object event) {
        return function(functionLogicalId).invoke(event);
    }

    /** The environment the template gives a function (tests that build a handler of their own). */
    public Map<String, String> environment(String functionLogicalId) {
        return function(functionLogicalId).environment();
    }

    /**
     * The batches delivered to a function's stream source so far, oldest first; only kept when
     * the stack was started with {@link LocalStackOptions#keepDeliveredBatches()}.
     */
    public List<DynamodbEvent> deliveredBatches(String functionLogicalId) {
        return streamTriggers.deliveredBatches(functionLogicalId);
    }

    /** Test hook: holds (or releases) every stream delivery, as if Lambda's pollers had stalled. */
    void pauseStreamDelivery(boolean pause) {
        streamTriggers.pauseDelivery(pause);
    }

    private LocalFunction function(String logicalId) {
        LocalFunction function = functionsById.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + logicalId + " in the template");
        }
        return function;
    }

    public List<DynamodbEvent.DynamodbStreamRecord> failedRecords() {
        return streamTriggers.failedRecords();
    }

    /** Asynchronous invocations that failed every attempt (what reached their on-failure destination), oldest first. */
    List<AsyncInvoker.Failure> failedInvocations() {
        return asyncInvoker.failures();
    }

    @Override
    public void close() {
        scheduler.close();
        gateway.close();
        storefront.close();
        invokeServer.close();
        asyncInvoker.close();
        streamTriggers.close();
        streams.close();
        dynamoDb.close();
        secretsManager.close();
        ses.close();
        dynamo.close();
    }

    private static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The project root: the working directory or one of its parents holding template.yaml. */
    static Path findProjectDir() {
        String configured = System.getProperty("shopcare.project.dir");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("template.yaml not found from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
