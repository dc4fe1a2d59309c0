package io.shopcare.availability.aws;

import io.shopcare.availability.CategoryPages;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import io.shopcare.outcome.Refusal;
import java.util.Map;

/** GET /categories/{categoryId}/products?size=&colour=&limit=&cursor= */
public final class CategoryProductsHandler extends JsonApiHandler {
    private final CategoryPages pages;

    public CategoryProductsHandler() {
        this(System.getenv());
    }

    public CategoryProductsHandler(Map<String, String> environment) {
        this(ReadHandlers.categoryPages(environment));
    }

    public CategoryProductsHandler(CategoryPages pages) {
        this.pages = pages;
    }

    /** A category that cannot exist: one Query, no cursor to sign. */
    @Override
    protected String primingEvent() {
        return primingRequest("GET", "/categories/snapstart-priming/products", Map.of("categoryId", "snapstart-priming"),
                null);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String categoryId = request.pathId("categoryId");
        int limit = request.limit();
        String size = option(request, "size");
        String colour = option(request, "colour");
        return ApiResponse.ok(pages.page(categoryId, size, colour, limit, request.query("cursor")));
    }

    private static String option(ApiRequest request, String name) {
        String value = request.query(name);
        if (value != null && value.length() > 40) {
            throw Refusal.invalid(name, "must be at most 40 characters");
        }
        return value;
    }
}
