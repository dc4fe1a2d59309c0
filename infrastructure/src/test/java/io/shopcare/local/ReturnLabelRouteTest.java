package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.shopcare.http.ApiRequest;
import io.shopcare.http.ApiResponse;
import io.shopcare.http.JsonApiHandler;
import io.shopcare.json.Json;
import io.shopcare.mail.Language;
import io.shopcare.returns.label.LabelLinks;
import io.shopcare.returns.label.ReturnLabel;
import io.shopcare.returns.label.aws.ReturnLabelHandler;
import io.shopcare.signing.KeyRing;
import io.shopcare.signing.SigningKeys;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Binary answers through the local API port as API Gateway (HTTP API) gives them: a function's
 * {@code isBase64Encoded} body reaches the client as the bytes themselves, whether the function
 * answers an event object or, as Lambda calls our handlers, JSON through the stream entry point.
 * The return label's handler (CodeUri labels/) served this way answers a PDF whose barcode scans.
 */
class ReturnLabelRouteTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final byte[] EVERY_BYTE = new byte[256];
    private static final KeyRing KEYS = keys();
    private static final ReturnLabel LABEL = new ReturnLabel("RET-LOCAL-1", "RL-2026-0001", "ORD-LOCAL-1", "Česká pošta",
            List.of("Shopcare Returns", "Skladová 12", "190 00 Praha 9"), "Jiří Dvořák", List.of("Žluťoučká 7", "602 00 Brno"),
            List.of(new ReturnLabel.Line("Péřová bunda", "M", "red", 1)), Instant.parse("2026-11-28T09:00:00Z"), Language.CS);
    private static HttpGateway gateway;

    static {
        for (int i = 0; i < EVERY_BYTE.length; i++) {
            EVERY_BYTE[i] = (byte) i;
        }
    }

    @BeforeAll
    static void start() {
        List<LocalFunction> functions = new ArrayList<>();
        List<Template.Function> definitions = new ArrayList<>();
        ReturnLabelHandler labels = new ReturnLabelHandler(
                (orderId, returnId) -> orderId.equals(LABEL.orderId()) && returnId.equals(LABEL.returnId())
                        ? Optional.of(LABEL) : Optional.empty(), KEYS, Clock.systemUTC());
        add(functions, definitions, "ReturnLabelFunction", labels, "GET", "/returns/{returnId}/label");
        add(functions, definitions, "StreamBytes", new JsonApiHandler() {
            @Override
            protected ApiResponse handle(ApiRequest request) {
                return ApiResponse.binary(200, "application/octet-stream", EVERY_BYTE);
            }
        }, "GET", "/bytes/stream");
        add(functions, definitions, "ObjectBytes", (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) (e, c) ->
                APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                        .withHeaders(Map.of("content-type", "application/octet-stream"))
                        .withBody(Base64.getEncoder().encodeToString(EVERY_BYTE)).withIsBase64Encoded(true).build(),
                "GET", "/bytes/object");
        gateway = new HttpGateway(0, LoopbackServer.IDLE_TIMEOUT, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        gateway.serve(new RouteTable(functions, definitions), null, new AdminAuthorizer("unused"));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static void add(List<LocalFunction> functions, List<Template.Function> definitions, String id,
                            RequestHandler<?, ?> handler, String method, String path) {
        Template.Function definition = TestFunctions.definition(id, List.of(new Template.HttpRoute(method, path, false)),
                Template.EventInvokeConfig.DEFAULT);
        definitions.add(definition);
        functions.add(TestFunctions.function(definition, handler));
    }

    private static HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void base64BodiesReachTheClientAsTheirBytesFromEitherEntryPoint() throws Exception {
        for (String path : List.of("/bytes/stream", "/bytes/object")) {
            HttpResponse<byte[]> response = get(path);
            assertEquals(200, response.statusCode(), path);
            assertEquals("application/octet-stream", response.headers().firstValue("content-type").orElse(null), path);
            assertArrayEquals(EVERY_BYTE, response.body(), path);
            assertEquals(256, response.headers().firstValueAsLong("content-length").orElse(-1), path);
        }
    }

    @Test
    void theLabelLinkAnswersAPdfWhoseBarcodeScansAsTheReturnCode() throws Exception {
        String url = new LabelLinks(KEYS).url("http://127.0.0.1:" + gateway.port(), LABEL.orderId(), LABEL.returnId(),
                Instant.now().plus(Duration.ofDays(30)));
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("content-type").orElse(null));
        assertEquals("inline; filename=\"return-RL-2026-0001.pdf\"",
                response.headers().firstValue("content-disposition").orElse(null));
        assertEquals("%PDF-", new String(response.body(), 0, 5, StandardCharsets.US_ASCII));
        assertEquals(LABEL.returnCode(), barcode(response.body()));
    }

    @Test
    void aLabelLinkWithoutAValidTokenIsTheContracts404() throws Exception {
        HttpResponse<byte[]> response = get("/returns/" + LABEL.returnId() + "/label?token=k1.forged.token");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        Map<String, Object> body = Json.parseObject(new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("NOT_FOUND", ((Map<?, ?>) body.get("error")).get("code"));
    }

    /** The first page at 150 dpi, decoded as a scanner would. */
    private static String barcode(byte[] pdf) throws Exception {
        BufferedImage image;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            image = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.GRAY);
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height,
                pixels))), Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128),
                DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    private static KeyRing keys() {
        SigningKeys keys = new SigningKeys("k1", Map.of("k1",
                "route-test-signing-key-0123456789abcdefghijklmnop".getBytes(StandardCharsets.UTF_8)));
        return () -> keys;
    }
}
