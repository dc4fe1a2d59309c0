package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * The global interceptor on real SDK clients: a call a function's policy does not allow fails
 * before it is sent with the service's AccessDeniedException; an allowed one goes out (here to a
 * port where nothing listens, so it fails to connect instead); threads the handler starts inherit
 * its role; calls outside any function are not checked. No server is needed.
 */
class IamInterceptorTest {
    private static final String ORDERS = "arn:aws:dynamodb:eu-central-1:000000000000:table/Orders";
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("1"));
    private static final DynamoDbClient DYNAMO = DynamoDbClient.builder().region(Region.EU_CENTRAL_1)
            .endpointOverride(URI.create("http://127.0.0.1:9")).credentialsProvider(credentials())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    private static final SesV2Client SES = SesV2Client.builder().region(Region.EU_CENTRAL_1)
            .endpointOverride(URI.create("http://127.0.0.1:9")).credentialsProvider(credentials())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    private static final FunctionRole ROLE = new FunctionRole("OrderFunction", IamPolicy.fromTemplate("OrderFunction",
            List.of(Map.of("Statement", List.of(
                    Map.of("Effect", "Allow", "Action", List.of("dynamodb:GetItem", "dynamodb:PutItem"), "Resource", ORDERS),
                    Map.of("Effect", "Allow", "Action", "ses:SendEmail",
                            "Resource", List.of("arn:aws:ses:eu-central-1:000000000000:identity/*",
                                    "arn:aws:ses:eu-central-1:000000000000:configuration-set/Mail"),
                            "Condition", Map.of("StringEquals", Map.of("ses:FromAddress", "shop@example.com")))))),
            "eu-central-1", "000000000000"));

    @AfterAll
    static void close() {
        DYNAMO.close();
        SES.close();
    }

    @Test
    void aCallThePolicyDoesNotAllowFailsAsAwsFailsIt() {
        DynamoDbException denied = assertThrows(DynamoDbException.class,
                () -> ROLE.run(() -> DYNAMO.deleteItem(r -> r.tableName("Orders").key(KEY))));
        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        assertEquals(400, denied.statusCode());
        assertTrue(denied.getMessage().contains("is not authorized to perform: dynamodb:DeleteItem on resource: " + ORDERS),
                denied.getMessage());
        assertTrue(denied.getMessage().contains("assumed-role/OrderFunctionRole/OrderFunction"), denied.getMessage());
    }

    @Test
    void anAllowedCallIsSentAndRecorded() {
        assertThrows(SdkClientException.class, () -> ROLE.run(() -> DYNAMO.getItem(r -> r.tableName("Orders").key(KEY))),
                "allowed: it went to the (closed) port");
        assertTrue(IamUsage.recorded().contains(new IamUsage.Use("OrderFunction", "dynamodb:GetItem", ORDERS)));
    }

    @Test
    void everyItemOfATransactionAndEveryTableOfABatchIsChecked() {
        DynamoDbException denied = assertThrows(DynamoDbException.class, () -> ROLE.run(() -> DYNAMO.transactWriteItems(r -> r
                .transactItems(t -> t.put(p -> p.tableName("Orders").item(KEY)),
                        t -> t.conditionCheck(c -> c.tableName("Stock").key(KEY).conditionExpression("attribute_exists(pk)"))))));
        assertTrue(denied.getMessage().contains("dynamodb:ConditionCheckItem on resource: "
                + "arn:aws:dynamodb:eu-central-1:000000000000:table/Stock"), denied.getMessage());

        List<IamPolicy.Request> batch = AwsActions.of("DynamoDb", "BatchWriteItem", BatchWriteItemRequest.builder()
                .requestItems(Map.of("Orders", List.of(put()), "Stock", List.of(put()))).build(), "eu-central-1");
        assertEquals(2, batch.size());
        assertTrue(batch.stream().allMatch(c -> c.action().equals("dynamodb:BatchWriteItem")));
        IamPolicy.Request query = AwsActions.of("DynamoDb", "Query", QueryRequest.builder().tableName("Orders")
                .indexName("byCustomer").build(), "eu-central-1").get(0);
        assertEquals(List.of(ORDERS + "/index/byCustomer"), query.resources());
    }

    @Test
    void aSendIsCheckedOnItsIdentityAndConfigurationSetWithItsFromAddress() {
        assertThrows(SdkClientException.class, () -> ROLE.run(() -> SES.sendEmail(email("Shop <shop@example.com>", "Mail"))),
                "the template's sender and configuration set are allowed");
        SesV2Exception wrongSender = assertThrows(SesV2Exception.class,
                () -> ROLE.run(() -> SES.sendEmail(email("other@example.com", "Mail"))));
        assertEquals(403, wrongSender.statusCode());
        assertEquals("AccessDeniedException", wrongSender.awsErrorDetails().errorCode());
        SesV2Exception wrongSet = assertThrows(SesV2Exception.class,
                () -> ROLE.run(() -> SES.sendEmail(email("shop@example.com", "OtherSet"))));
        assertTrue(wrongSet.getMessage().contains("configuration-set/OtherSet"), wrongSet.getMessage());
    }

    @Test
    void threadsAHandlerStartsInheritItsRoleAndCallsOutsideAFunctionAreNotChecked() throws Exception {
        AtomicReference<Exception> inThread = new AtomicReference<>();
        ROLE.run(() -> {
            Thread sender = new Thread(() -> {
                try {
                    DYNAMO.deleteItem(r -> r.tableName("Orders").key(KEY));
                } catch (Exception e) {
                    inThread.set(e);
                }
            });
            sender.start();
            try {
                sender.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        assertInstanceOf(DynamoDbException.class, inThread.get(), "the thread ran in the function's role");
        assertNull(FunctionRole.current(), "the role ends with the invocation");
        assertThrows(SdkClientException.class, () -> DYNAMO.deleteItem(r -> r.tableName("Orders").key(KEY)),
                "no function: not checked, sent");
    }

    private static WriteRequest put() {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(KEY).build()).build();
    }

    private static SendEmailRequest email(String from, String configurationSet) {
        return SendEmailRequest.builder().fromEmailAddress(from).configurationSetName(configurationSet)
                .destination(d -> d.toAddresses("shopper@example.com"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("hi")).body(b -> b.text(t -> t.data("hi"))))).build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
