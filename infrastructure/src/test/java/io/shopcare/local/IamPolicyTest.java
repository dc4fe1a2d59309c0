package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Policy evaluation with small inline policies, and the project's own policies as the template resolves them. */
class IamPolicyTest {
    private static final String TABLE = "arn:aws:dynamodb:eu-central-1:000000000000:table/Orders";
    private static final String IDENTITY = "arn:aws:ses:eu-central-1:000000000000:identity/";

    @Test
    void actionsMatchCaseInsensitivelyWithWildcardsAndResourcesExactlyOrByWildcard() {
        IamPolicy policy = policy(statement("Allow", List.of("dynamodb:Get*", "DynamoDB:query"), List.of(TABLE, TABLE + "/index/*")));
        assertTrue(allowed(policy, "dynamodb:GetItem", TABLE));
        assertTrue(allowed(policy, "dynamodb:Query", TABLE + "/index/byCustomer"));
        assertFalse(allowed(policy, "dynamodb:PutItem", TABLE), "not listed");
        assertFalse(allowed(policy, "dynamodb:GetItem", TABLE + "2"), "another table");
        assertFalse(allowed(policy, "dynamodb:GetItem", "arn:aws:dynamodb:eu-central-1:000000000000:table/orders"),
                "resources are case-sensitive");
        assertFalse(allowed(policy(statement("Allow", List.of("dynamodb:Query"), List.of(TABLE))), "dynamodb:Query",
                TABLE + "/index/byCustomer"), "the table's ARN does not cover its indexes");
        assertTrue(allowed(policy(statement("Allow", List.of("*"), List.of("*"))), "sqs:SendMessage", "anything"));
        assertTrue(allowed(policy(statement("Allow", List.of("dynamodb:?etItem"), List.of("*"))), "dynamodb:GetItem", TABLE));
    }

    @Test
    void anExplicitDenyWinsAndNothingListedIsDenied() {
        IamPolicy policy = policy(statement("Allow", List.of("dynamodb:*"), List.of("*")),
                statement("Deny", List.of("dynamodb:DeleteItem"), List.of(TABLE)));
        assertEquals(IamPolicy.Decision.EXPLICITLY_DENIED, policy.evaluate(new IamPolicy.Request("dynamodb:DeleteItem", TABLE)).decision());
        assertTrue(allowed(policy, "dynamodb:PutItem", TABLE));
        assertEquals(IamPolicy.Decision.IMPLICITLY_DENIED, IamPolicy.NONE.evaluate(new IamPolicy.Request("dynamodb:GetItem", TABLE))
                .decision());
    }

    @Test
    void stringConditionsCompareTheRequestsKeys() {
        IamPolicy policy = policy(Map.of("Effect", "Allow", "Action", "ses:SendEmail", "Resource", IDENTITY + "*",
                "Condition", Map.of("StringEquals", Map.of("ses:FromAddress", "shop@example.com"))));
        assertTrue(policy.evaluate(send("shop@example.com")).allowed());
        assertFalse(policy.evaluate(send("Shop@example.com")).allowed(), "StringEquals is case-sensitive");
        assertFalse(policy.evaluate(new IamPolicy.Request("ses:SendEmail", List.of(IDENTITY + "x"), Map.of())).allowed(),
                "a missing key fails StringEquals");

        IamPolicy notEquals = policy(Map.of("Effect", "Allow", "Action", "ses:SendEmail", "Resource", "*",
                "Condition", Map.of("StringNotEquals", Map.of("ses:FromAddress", List.of("spam@example.com", "junk@example.com")))));
        assertTrue(notEquals.evaluate(send("shop@example.com")).allowed());
        assertFalse(notEquals.evaluate(send("junk@example.com")).allowed());
        assertTrue(notEquals.evaluate(new IamPolicy.Request("ses:SendEmail", List.of("x"), Map.of())).allowed(),
                "a missing key passes a negated operator");

        IamPolicy like = policy(Map.of("Effect", "Allow", "Action", "ses:SendEmail", "Resource", "*",
                "Condition", Map.of("StringLike", Map.of("SES:FromAddress", "*@example.com"))));
        assertTrue(like.evaluate(send("anyone@example.com")).allowed(), "keys are case-insensitive");
        assertFalse(like.evaluate(send("anyone@example.org")).allowed());
    }

    @Test
    void aRequestOnAlternativeResourcesIsAllowedOnTheFirstThePolicyCovers() {
        IamPolicy domainOnly = policy(statement("Allow", List.of("ses:SendEmail"), List.of(IDENTITY + "example.com")));
        IamPolicy.Outcome outcome = domainOnly.evaluate(send("shop@example.com"));
        assertTrue(outcome.allowed());
        assertEquals(IDENTITY + "example.com", outcome.resource());
    }

    @Test
    void samPolicyTemplatesExpandAsAwsDefinesThemAndManagedPoliciesGrantNothing() {
        IamPolicy crud = IamPolicy.fromTemplate("Fn", List.of(Map.of("DynamoDBReadPolicy", Map.of("TableName", "Orders")),
                "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"), "eu-central-1", "000000000000");
        assertTrue(allowed(crud, "dynamodb:Query", TABLE + "/index/byCustomer"));
        assertFalse(allowed(crud, "dynamodb:PutItem", TABLE), "read only; the managed policy grants nothing locally");
        IamPolicy secret = IamPolicy.fromTemplate("Fn", List.of(Map.of("AWSSecretsManagerGetSecretValuePolicy",
                Map.of("SecretArn", "arn:aws:secretsmanager:eu-central-1:000000000000:secret:Keys-abcdef"))), "eu-central-1",
                "000000000000");
        assertTrue(allowed(secret, "secretsmanager:GetSecretValue", "arn:aws:secretsmanager:eu-central-1:000000000000:secret:Keys-abcdef"));
    }

    @Test
    void whatTheLocalStackCannotEvaluateIsRefusedAtStart() {
        assertRefused(Map.of("Statement", List.of(Map.of("Effect", "Allow", "NotAction", "s3:*", "Resource", "*"))), "NotAction");
        assertRefused(Map.of("Statement", Map.of("Effect", "Allow", "Action", "x:Y", "Resource", "*",
                "Condition", Map.of("ForAnyValue:StringEquals", Map.of("k", "v")))), "ForAnyValue:StringEquals");
        assertRefused(Map.of("S3CrudPolicy", Map.of("BucketName", "b")), "S3CrudPolicy");
        assertRefused(Map.of("Statement", Map.of("Effect", "Maybe", "Action", "x:Y", "Resource", "*")), "Effect");
    }

    @Test
    void theProjectsPoliciesResolveToTheArnsTheStackChecks() {
        Template template = Template.load(LocalStack.findProjectDir().resolve("template.yaml"), "eu-central-1");
        IamPolicy confirm = IamPolicy.fromTemplate("ConfirmationMailFunction",
                template.policies("ConfirmationMailFunction"), "eu-central-1", "000000000000");
        String alerts = "arn:aws:dynamodb:eu-central-1:000000000000:table/AlertsTable";
        assertTrue(allowed(confirm, "dynamodb:Query", alerts + "/index/byOwner"), "${AlertsTable.Arn}/index/byOwner");
        assertFalse(allowed(confirm, "dynamodb:Query", alerts + "/index/byQueue"));
        assertTrue(allowed(confirm, "dynamodb:GetItem", "arn:aws:dynamodb:eu-central-1:000000000000:table/InventoryTable"));
        assertFalse(allowed(confirm, "dynamodb:PutItem", "arn:aws:dynamodb:eu-central-1:000000000000:table/InventoryTable"));
        assertTrue(confirm.evaluate(send("shop@example.com")).allowed(), "the template's SenderEmail");
        assertFalse(confirm.evaluate(send("someone@example.com")).allowed(), "another sender");
        assertTrue(confirm.evaluate(new IamPolicy.Request("ses:SendEmail",
                List.of("arn:aws:ses:eu-central-1:000000000000:configuration-set/MailConfigurationSet"),
                Map.of("ses:FromAddress", "shop@example.com"))).allowed());
        assertEquals(List.of(), IamPolicy.fromTemplate("NotFoundFunction", template.policies("NotFoundFunction"),
                "eu-central-1", "000000000000").statements(), "no Policies: nothing allowed");
    }

    private static void assertRefused(Object policy, String mention) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IamPolicy.fromTemplate("Fn", List.of(policy), "eu-central-1", "000000000000"));
        assertTrue(e.getMessage().contains(mention) && e.getMessage().startsWith("Fn"), e.getMessage());
    }

    private static IamPolicy.Request send(String from) {
        return new IamPolicy.Request("ses:SendEmail", List.of(IDENTITY + from, IDENTITY + from.substring(from.indexOf('@') + 1)),
                Map.of("ses:FromAddress", from));
    }

    private static boolean allowed(IamPolicy policy, String action, String resource) {
        return policy.evaluate(new IamPolicy.Request(action, resource)).allowed();
    }

    private static Map<String, Object> statement(String effect, List<String> actions, List<String> resources) {
        return Map.of("Effect", effect, "Action", actions, "Resource", resources);
    }

    @SafeVarargs
    private static IamPolicy policy(Map<String, Object>... statements) {
        return IamPolicy.fromTemplate("Fn", List.of(Map.of("Statement", List.of(statements))), "eu-central-1", "000000000000");
    }
}
