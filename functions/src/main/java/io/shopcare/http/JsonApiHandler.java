package io.shopcare.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.shopcare.lambda.Telemetry;
import io.shopcare.outcome.Refusal;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Base of every HTTP handler: runs each request as an invocation ({@link Telemetry}), maps domain
 * {@link Refusal}s and the edge's own {@link ApiException}s to the contract's error shape, and any
 * other failure to a 500 that reveals nothing (no stack trace, class or table name); that one is logged.
 */
public abstract class JsonApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = Logger.getLogger(JsonApiHandler.class.getName());

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Telemetry.invoke(context, () -> answer(event),
                response -> event.getRouteKey() + " answered " + response.getStatusCode());
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        try {
            return handle(ApiRequest.of(event)).toLambda();
        } catch (Refusal e) {
            return ApiResponse.error(e).toLambda();
        } catch (ApiException e) {
            return ApiResponse.error(e).toLambda();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "unhandled failure on " + event.getRouteKey(), e);
            return ApiResponse.error(new ApiException(500, "INTERNAL_ERROR",
                    "Something went wrong on our side; it has been logged.")).toLambda();
        }
    }

    protected abstract ApiResponse handle(ApiRequest request);
}
