package io.shopcare.returns.label.aws;

import io.shopcare.catalog.aws.DynamoCatalogRepository;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import io.shopcare.lambda.SnapStartHooks;
import io.shopcare.mail.Language;
import io.shopcare.orders.aws.DynamoOrderStore;
import io.shopcare.outcome.Refusal;
import io.shopcare.returns.label.LabelLinks;
import io.shopcare.returns.label.LabelPdf;
import io.shopcare.returns.label.ReturnLabel;
import io.shopcare.returns.label.ReturnLabels;
import io.shopcare.signing.KeyRing;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code GET /returns/{returnId}/label?token=…}: the printable return label, a PDF, for the link in
 * the return's {@code label.url} and its e-mail. The token is all the authority there is (an
 * e-mail link carries no headers); anything but a genuine, unexpired token for this return of an
 * existing return is the contract's 404, the same for every case so that nothing can be probed.
 * Query parameters other than {@code token} are ignored: mail clients and trackers add their own.
 *
 * <p>Answers {@code application/pdf} base64-encoded with {@code isBase64Encoded}, which an HTTP API
 * (payload 2.0) decodes before it answers the client; no binary media types are configured for
 * that. {@code Content-Disposition: inline} opens the label in the browser, with a file name for
 * saving it.
 *
 * <p>Built with the label data it reads ({@link ReturnLabels}) and the signing keys; SnapStart
 * priming also renders a sample label in memory, so a restored copy has the PDF classes loaded.
 */
public final class ReturnLabelHandler extends JsonApiHandler {
    private static final ReturnLabel SAMPLE = new ReturnLabel("priming", "PRIMING-0", "priming", "Carrier",
            List.of("Shop", "Street 1", "11000 Praha", "CZ"), "Customer", List.of("Street 2", "60200 Brno", "CZ"),
            List.of(new ReturnLabel.Line("Jacket", "M", "red", 1)), Instant.EPOCH, Language.CS);
    private final ReturnLabels labels;
    private final LabelLinks links;
    private final Clock clock;
    private final SnapStartHooks rendering; // held here: the runtime keeps hooks only weakly

    public ReturnLabelHandler() {
        this(System.getenv());
    }

    /**
     * As template.yaml configures it: the orders and inventory tables, the signing secret, and the
     * shop's return address ({@code RETURN_ADDRESS}, lines separated by ';').
     */
    public ReturnLabelHandler(Map<String, String> environment) {
        this(new Environment(environment));
    }

    private ReturnLabelHandler(Environment env) {
        this(env, AwsClients.dynamoDb(env), AwsClients.signingKeys(env));
    }

    private ReturnLabelHandler(Environment env, DynamoDbClient dynamoDb, KeyRing keys) {
        this(labels(env, dynamoDb, keys), keys, Clock.systemUTC());
    }

    private static ReturnLabels labels(Environment env, DynamoDbClient dynamoDb, KeyRing keys) {
        List<String> address = java.util.Arrays.stream(env.require("RETURN_ADDRESS").split(";")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        return new OrderReturnLabels(new DynamoOrderStore(dynamoDb, env.require("ORDERS_TABLE"), null, null, keys),
                new DynamoCatalogRepository(dynamoDb, env.require("INVENTORY_TABLE"), Clock.systemUTC()), address);
    }

    public ReturnLabelHandler(ReturnLabels labels, KeyRing keys, Clock clock) {
        this.labels = labels;
        this.links = new LabelLinks(keys);
        this.clock = clock;
        this.rendering = SnapStartHooks.register(() -> LabelPdf.render(SAMPLE), () -> { });
    }

    /** A request with a token that cannot be genuine: answered 404 before any key is read. */
    @Override
    protected String primingEvent() {
        return primingRequest("GET", "/returns/priming/label", Map.of("returnId", "priming"), null);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String returnId;
        try {
            returnId = request.pathId("returnId");
        } catch (Refusal malformed) {
            throw notFound();
        }
        LabelLinks.Claim claim = links.verify(returnId, request.query("token"), clock.instant())
                .orElseThrow(ReturnLabelHandler::notFound);
        ReturnLabel label = labels.find(claim.orderId(), returnId).orElseThrow(ReturnLabelHandler::notFound);
        return ApiResponse.binary(200, "application/pdf", LabelPdf.render(label))
                .withHeader("content-disposition", "inline; filename=\"" + fileName(label) + "\"");
    }

    /** {@code return-CODE.pdf}, with anything but letters, digits, '.', '_' and '-' replaced. */
    static String fileName(ReturnLabel label) {
        return "return-" + label.returnCode().replaceAll("[^A-Za-z0-9._-]", "-") + ".pdf";
    }

    private static Refusal notFound() {
        return Refusal.notFound("There is no return label for this link.", List.of());
    }
}
