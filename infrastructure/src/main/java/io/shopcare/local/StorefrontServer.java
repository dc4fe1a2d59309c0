package io.shopcare.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The web port: the demo storefront's static files from {@code storefront/}, on an origin of its
 * own (the browser then checks the API's CORS answers for real). The storefront is a single page:
 * every path that is not a file gets {@code index.html}, so the links e-mails carry
 * ({@code /products/ID}, {@code /orders/ID#token=…}) open it. {@code /config.js} tells the page
 * where the API is, as a shop's deployment would.
 */
final class StorefrontServer implements AutoCloseable {
    /** Files the storefront may serve: its own code and the one library it ships to browsers. */
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png", "image/png",
            "json", "application/json; charset=utf-8", "ico", "image/x-icon");
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    /** The QR library, installed by the build from the committed lock file (nothing fetched at run time). */
    private static final String QR_LIBRARY = "/vendor/qrcode.mjs";
    private final LoopbackServer server;
    private String contentSecurityPolicy = "default-src 'none'";

    /** Binds the port now (0 picks a free one), so e-mail links can name it before any function is built. */
    StorefrontServer(int port) {
        this.server = new LoopbackServer("web", port, 8 * 1024);
    }

    int port() {
        return server.port();
    }

    java.net.InetSocketAddress boundAddress() {
        return server.boundAddress();
    }

    String url() {
        return "http://localhost:" + port();
    }

    /** Starts serving {@code root} (the project's storefront folder), telling pages the API is at {@code apiUrl}. */
    void serve(Path root, String apiUrl) {
        // Scripts only from here; data only from the API; images drawn here (the QR code) or served here.
        this.contentSecurityPolicy = "default-src 'self'; connect-src 'self' " + apiUrl + "; img-src 'self' data: blob:;"
                + " style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none';"
                + " frame-ancestors 'none'; form-action 'self' " + apiUrl;
        byte[] config = ("window.SHOPCARE_CONFIG = Object.freeze({apiUrl: \"" + apiUrl + "\"});\n")
                .getBytes(StandardCharsets.UTF_8);
        server.jetty().setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws IOException {
                String method = request.getMethod();
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                    return send(response, callback, 405, "text/plain; charset=utf-8",
                            "Method not allowed\n".getBytes(StandardCharsets.UTF_8), false);
                }
                boolean head = method.equals("HEAD");
                String path = request.getHttpURI().getPath();
                if (path.equals("/config.js")) {
                    return send(response, callback, 200, TYPES.get("js"), config, head);
                }
                Path file = file(root, path);
                if (file == null) {
                    return send(response, callback, 404, "text/plain; charset=utf-8",
                            "Not found\n".getBytes(StandardCharsets.UTF_8), head);
                }
                String name = file.getFileName().toString();
                String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
                return send(response, callback, 200, type, Files.readAllBytes(file), head);
            }
        });
        server.start();
    }

    /**
     * The file a path names, {@code index.html} for a page path (no extension), or null: only
     * plain names below the root, no dot segments, no hidden files, nothing of node_modules but
     * the QR library.
     */
    static Path file(Path root, String path) {
        if (path == null || path.equals("/") || path.isEmpty()) {
            return root.resolve("index.html");
        }
        if (path.equals("/favicon.ico")) {
            // Browsers ask for it whatever the page declares; the SVG icon answers.
            return root.resolve("favicon.svg");
        }
        if (path.equals(QR_LIBRARY)) {
            Path library = root.resolve("node_modules/qrcode-generator/dist/qrcode.mjs");
            return Files.isRegularFile(library) ? library : null;
        }
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..") || path.startsWith("/node_modules")
                || path.startsWith("/package")) {
            return null;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        if (dot < 0) {
            return root.resolve("index.html");
        }
        if (!TYPES.containsKey(last.substring(dot + 1).toLowerCase(Locale.ROOT))
                || !last.substring(dot + 1).equals(last.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return null;
        }
        Path file = root.resolve(path.substring(1)).normalize();
        return file.startsWith(root) && Files.isRegularFile(file) ? file : null;
    }

    private boolean send(Response response, Callback callback, int status, String type, byte[] body,
                                boolean head) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        // Files change while a developer edits them; nothing here is worth a stale copy.
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put("Content-Security-Policy", contentSecurityPolicy);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Long.toString(body.length));
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
        return true;
    }

    @Override
    public void close() {
        server.stop();
    }
}
