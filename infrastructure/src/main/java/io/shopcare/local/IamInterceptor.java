package io.shopcare.local;

import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * Local IAM: a global SDK interceptor (listed in {@code software/amazon/awssdk/global/handlers/execution.interceptors})
 * that checks every call made for a function ({@link FunctionRole}) against the function's template
 * policies before it is sent, and fails it as AWS would (an AccessDeniedException from the service,
 * which the handler sees as the SDK's service exception). Allowed calls are recorded in {@link IamUsage}.
 */
public final class IamInterceptor implements ExecutionInterceptor {

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        FunctionRole role = FunctionRole.current();
        if (role == null) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        List<IamPolicy.Request> checks = AwsActions.of(service,
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request(),
                region == null ? LocalStack.REGION : region.id());
        for (IamPolicy.Request check : checks) {
            IamPolicy.Outcome outcome = role.policy().evaluate(check);
            if (!outcome.allowed()) {
                throw accessDenied(service, role, check, outcome);
            }
            IamUsage.record(role.function(), check.action(), outcome.resource());
        }
    }

    private static AwsServiceException accessDenied(String service, FunctionRole role, IamPolicy.Request check,
                                                    IamPolicy.Outcome outcome) {
        String message = "User: " + role.principal() + " is not authorized to perform: " + check.action()
                + " on resource: " + outcome.resource() + " because "
                + (outcome.decision() == IamPolicy.Decision.EXPLICITLY_DENIED ? "an explicit deny" : "no identity-based policy")
                + " allows the " + check.action() + " action (local IAM, from template.yaml)";
        // DynamoDB (AWS JSON) answers 400, REST services such as SES v2 answer 403.
        String name = service.toLowerCase(Locale.ROOT);
        int status = name.equals("dynamodb") ? 400 : 403;
        AwsErrorDetails details = AwsErrorDetails.builder().errorCode("AccessDeniedException").errorMessage(message)
                .serviceName(service).build();
        AwsServiceException.Builder builder = switch (name) {
            case "dynamodb" -> DynamoDbException.builder();
            case "sesv2" -> SesV2Exception.builder();
            default -> AwsServiceException.builder();
        };
        return builder.awsErrorDetails(details).statusCode(status).message(message).build();
    }
}
