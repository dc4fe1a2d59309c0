package io.shopcare.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * What IAM authorizes for an SDK call, as AWS does: the action and resource of each check
 * (DynamoDB: one per item of a transaction, one per table of a batch, the index ARN for a Query
 * or Scan on an index; SES v2 SendEmail: the sending identity, either the address or its domain,
 * and the configuration set, with the {@code ses:FromAddress} condition key).
 */
final class AwsActions {
    private static final String ACCOUNT = "000000000000";
    /** SDK service names (lower case) and the IAM service prefixes of the services the functions use. */
    private static final Map<String, String> PREFIXES = Map.of("dynamodb", "dynamodb", "sesv2", "ses", "ses", "ses",
            "sqs", "sqs", "sns", "sns", "secretsmanager", "secretsmanager", "lambda", "lambda");

    private AwsActions() {
    }

    /** The checks for a call, or an empty list for a service the local stack does not authorize. */
    static List<IamPolicy.Request> of(String serviceName, String operation, SdkRequest request, String region) {
        String prefix = serviceName == null ? null : PREFIXES.get(serviceName.toLowerCase(Locale.ROOT));
        if (prefix == null) {
            return List.of();
        }
        if (prefix.equals("dynamodb")) {
            return dynamoDb(operation, request, region);
        }
        if (prefix.equals("ses") && request instanceof SendEmailRequest send) {
            return sendEmail(send, region);
        }
        return List.of(new IamPolicy.Request(prefix + ":" + operation, "*"));
    }

    private static List<IamPolicy.Request> dynamoDb(String operation, SdkRequest request, String region) {
        String tables = "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/";
        List<IamPolicy.Request> checks = new ArrayList<>();
        if (request instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) {
                    checks.add(new IamPolicy.Request("dynamodb:PutItem", tables + item.put().tableName()));
                } else if (item.update() != null) {
                    checks.add(new IamPolicy.Request("dynamodb:UpdateItem", tables + item.update().tableName()));
                } else if (item.delete() != null) {
                    checks.add(new IamPolicy.Request("dynamodb:DeleteItem", tables + item.delete().tableName()));
                } else {
                    checks.add(new IamPolicy.Request("dynamodb:ConditionCheckItem", tables + item.conditionCheck().tableName()));
                }
            }
        } else if (request instanceof TransactGetItemsRequest transaction) {
            for (TransactGetItem item : transaction.transactItems()) {
                checks.add(new IamPolicy.Request("dynamodb:GetItem", tables + item.get().tableName()));
            }
        } else if (request instanceof BatchWriteItemRequest batch) {
            batch.requestItems().keySet().forEach(t -> checks.add(new IamPolicy.Request("dynamodb:BatchWriteItem", tables + t)));
        } else if (request instanceof BatchGetItemRequest batch) {
            batch.requestItems().keySet().forEach(t -> checks.add(new IamPolicy.Request("dynamodb:BatchGetItem", tables + t)));
        } else if (request instanceof QueryRequest query) {
            checks.add(new IamPolicy.Request("dynamodb:Query", onIndex(tables + query.tableName(), query.indexName())));
        } else if (request instanceof ScanRequest scan) {
            checks.add(new IamPolicy.Request("dynamodb:Scan", onIndex(tables + scan.tableName(), scan.indexName())));
        } else {
            String table = request.getValueForField("TableName", String.class).orElse(null);
            checks.add(new IamPolicy.Request("dynamodb:" + operation, table == null ? "*" : tables + table));
        }
        return checks;
    }

    private static String onIndex(String table, String index) {
        return index == null ? table : table + "/index/" + index;
    }

    private static List<IamPolicy.Request> sendEmail(SendEmailRequest send, String region) {
        String ses = "arn:aws:ses:" + region + ":" + ACCOUNT + ":";
        String from = address(send.fromEmailAddress());
        Map<String, String> context = new LinkedHashMap<>();
        List<String> identities = new ArrayList<>();
        if (send.fromEmailAddressIdentityArn() != null) {
            identities.add(send.fromEmailAddressIdentityArn());
        }
        if (from != null) {
            context.put("ses:FromAddress", from);
            // The verified identity is the address or its domain: either may be what a policy names.
            identities.add(ses + "identity/" + from);
            identities.add(ses + "identity/" + from.substring(from.indexOf('@') + 1));
        }
        List<IamPolicy.Request> checks = new ArrayList<>();
        checks.add(new IamPolicy.Request("ses:SendEmail", identities.isEmpty() ? List.of(ses + "identity/*") : identities,
                Map.copyOf(context)));
        if (send.configurationSetName() != null) {
            checks.add(new IamPolicy.Request("ses:SendEmail",
                    List.of(ses + "configuration-set/" + send.configurationSetName()), Map.copyOf(context)));
        }
        return checks;
    }

    /** The bare address of {@code "Name <a@b>"} or {@code "a@b"}. */
    static String address(String from) {
        if (from == null) {
            return null;
        }
        int open = from.lastIndexOf('<');
        int close = from.lastIndexOf('>');
        return open >= 0 && close > open ? from.substring(open + 1, close).trim() : from.trim();
    }
}
