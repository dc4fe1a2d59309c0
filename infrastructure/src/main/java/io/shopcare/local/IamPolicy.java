package io.shopcare.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A function's permissions as IAM evaluates identity policies: an explicit Deny wins, else an
 * Allow whose Action, Resource and Condition all match, else denied. Actions match
 * case-insensitively, resources case-sensitively, both with {@code *} and {@code ?} wildcards.
 * Read from the template's {@code Policies}: inline statements and a few SAM policy templates;
 * what the local stack cannot evaluate (NotAction, Principal, other condition operators or policy
 * templates) is refused when the stack starts rather than silently allowed or denied.
 */
final class IamPolicy {
    static final IamPolicy NONE = new IamPolicy(List.of());
    private static final Set<String> OPERATORS = Set.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringLike", "StringNotLike");
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private final List<Statement> statements;

    /** What a request is checked for: an action, the resources it may be authorized on (any one suffices), condition keys. */
    record Request(String action, List<String> resources, Map<String, String> context) {
        Request(String action, String resource) {
            this(action, List.of(resource), Map.of());
        }
    }

    enum Decision { ALLOWED, IMPLICITLY_DENIED, EXPLICITLY_DENIED }

    /** The outcome and, when allowed, the resource it was allowed on. */
    record Outcome(Decision decision, String resource) {
        boolean allowed() {
            return decision == Decision.ALLOWED;
        }
    }

    /** One statement; its patterns as written, for reports, and compiled, for matching. */
    record Statement(boolean allow, List<String> actions, List<String> resources, List<Condition> conditions) {
        boolean matches(String action, String resource, Map<String, String> context) {
            return actions.stream().anyMatch(a -> glob(a, action, true)) && resources.stream().anyMatch(r -> glob(r, resource, false))
                    && conditions.stream().allMatch(c -> c.holds(context));
        }
    }

    /** One condition operator on one key, with its values (any may match). */
    record Condition(String operator, String key, List<String> values) {
        boolean holds(Map<String, String> context) {
            String actual = context.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            boolean negated = operator.contains("Not");
            if (actual == null) {
                return negated; // IAM: a missing key fails positive operators and passes negated ones
            }
            boolean any = values.stream().anyMatch(v -> switch (operator) {
                case "StringEqualsIgnoreCase" -> v.equalsIgnoreCase(actual);
                case "StringLike", "StringNotLike" -> glob(v, actual, false);
                default -> v.equals(actual);
            });
            return negated != any;
        }
    }

    IamPolicy(List<Statement> statements) {
        this.statements = List.copyOf(statements);
    }

    List<Statement> statements() {
        return statements;
    }

    Outcome evaluate(Request request) {
        for (String resource : request.resources()) {
            if (statements.stream().anyMatch(s -> !s.allow() && s.matches(request.action(), resource, request.context()))) {
                return new Outcome(Decision.EXPLICITLY_DENIED, resource);
            }
        }
        for (String resource : request.resources()) {
            if (statements.stream().anyMatch(s -> s.allow() && s.matches(request.action(), resource, request.context()))) {
                return new Outcome(Decision.ALLOWED, resource);
            }
        }
        return new Outcome(Decision.IMPLICITLY_DENIED, request.resources().get(0));
    }

    /**
     * A function's resolved {@code Policies}: a list (or one) of policy documents ({@code Statement}),
     * SAM policy templates (their ARNs in {@code region} and {@code account}), or managed policy
     * names, which are not known locally and grant nothing (a warning says so).
     */
    static IamPolicy fromTemplate(String function, Object policies, String region, String account) {
        List<Statement> statements = new ArrayList<>();
        for (Object policy : list(policies)) {
            if (policy instanceof String managed) {
                System.err.println("warning: " + function + " has the managed policy " + managed
                        + ", which the local stack does not know: locally it grants nothing");
            } else if (policy instanceof Map<?, ?> document && document.containsKey("Statement")) {
                for (Object statement : list(document.get("Statement"))) {
                    statements.add(statement(function, (Map<?, ?>) statement));
                }
            } else if (policy instanceof Map<?, ?> template && template.size() == 1) {
                Map.Entry<?, ?> only = template.entrySet().iterator().next();
                statements.add(policyTemplate(function, String.valueOf(only.getKey()), Template.map(only.getValue()),
                        region, account));
            } else {
                throw new IllegalArgumentException(function + ": a policy the local stack cannot read: " + policy);
            }
        }
        return new IamPolicy(statements);
    }

    private static Statement statement(String function, Map<?, ?> statement) {
        for (Object key : statement.keySet()) {
            if (!Set.of("Sid", "Effect", "Action", "Resource", "Condition").contains(String.valueOf(key))) {
                throw new IllegalArgumentException(function + ": " + key + " in a policy statement is not supported by the local stack");
            }
        }
        String effect = String.valueOf(statement.get("Effect"));
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new IllegalArgumentException(function + ": Effect must be Allow or Deny, not " + effect);
        }
        List<Condition> conditions = new ArrayList<>();
        Template.map(statement.get("Condition")).forEach((operator, keys) -> {
            if (!OPERATORS.contains(operator)) {
                throw new IllegalArgumentException(function + ": the condition operator " + operator
                        + " is not supported by the local stack; supported: " + OPERATORS);
            }
            Template.map(keys).forEach((key, values) -> conditions.add(new Condition(operator, key,
                    list(values).stream().map(String::valueOf).toList())));
        });
        return new Statement(effect.equals("Allow"), strings(statement.get("Action")), strings(statement.get("Resource")),
                conditions);
    }

    /** The SAM policy templates the local stack knows, written out as AWS defines them. */
    private static Statement policyTemplate(String function, String name, Map<String, Object> parameters, String region,
                                            String account) {
        String prefix = ":" + region + ":" + account + ":";
        return switch (name) {
            case "DynamoDBCrudPolicy", "DynamoDBReadPolicy", "DynamoDBWritePolicy" -> {
                String table = "arn:aws:dynamodb" + prefix + "table/" + parameters.get("TableName");
                List<String> actions = switch (name) {
                    case "DynamoDBReadPolicy" -> List.of("dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query",
                            "dynamodb:BatchGetItem", "dynamodb:DescribeTable");
                    case "DynamoDBWritePolicy" -> List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem");
                    default -> List.of("dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan",
                            "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem",
                            "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem");
                };
                yield new Statement(true, actions, List.of(table, table + "/index/*"), List.of());
            }
            case "AWSSecretsManagerGetSecretValuePolicy" -> new Statement(true, List.of("secretsmanager:GetSecretValue"),
                    List.of(String.valueOf(parameters.get("SecretArn"))), List.of());
            case "SESCrudPolicy" -> new Statement(true, List.of("ses:GetIdentityVerificationAttributes", "ses:SendEmail",
                    "ses:SendRawEmail", "ses:VerifyEmailIdentity"),
                    List.of("arn:aws:ses" + prefix + "identity/" + parameters.get("IdentityName")), List.of());
            case "SQSSendMessagePolicy" -> new Statement(true, List.of("sqs:SendMessage*"),
                    List.of("arn:aws:sqs" + prefix + parameters.get("QueueName")), List.of());
            default -> throw new IllegalArgumentException(function + ": the policy template " + name
                    + " is not supported by the local stack; write it as a Statement");
        };
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : value instanceof List<?> l ? l : List.of(value);
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("a policy statement needs an Action and a Resource");
        }
        return list(value).stream().map(String::valueOf).toList();
    }

    /** IAM's wildcard match: {@code *} any run of characters, {@code ?} one character. */
    static boolean glob(String pattern, String value, boolean ignoreCase) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return ignoreCase ? pattern.equalsIgnoreCase(value) : pattern.equals(value);
        }
        Pattern compiled = PATTERNS.computeIfAbsent((ignoreCase ? "i:" : "s:") + pattern, k -> {
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        });
        return compiled.matcher(value).matches();
    }
}
