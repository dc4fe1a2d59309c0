package io.shopcare.http;

import java.util.Map;

/**
 * The API's {@code $default} route: every request no other route matches (unknown path, or a
 * known path with another method) gets the contract's 404 instead of API Gateway's bare
 * {@code {"message":"Not Found"}}.
 */
public final class NotFoundHandler extends JsonApiHandler {

    public NotFoundHandler() {
    }

    /** The local stack's convention: every handler can be built from the template's environment. */
    public NotFoundHandler(Map<String, String> environment) {
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        throw new ApiException(404, "NOT_FOUND", "There is no " + request.method() + " route for this path.");
    }
}
