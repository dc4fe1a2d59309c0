package io.shopcare.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders e-mails from the templates in {@code /emails}: {@code KIND.html.mustache} and
 * {@code KIND.txt.mustache} hold the layout, {@code LANG.properties} the wording (keys
 * {@code KIND.subject}, {@code KIND.intro}, ...), so a translator edits one file per language.
 * Wording may use the model's variables too. A variable missing from the model is an error,
 * never an empty gap or a visible placeholder. Templates are compiled once per container.
 * A family of kinds (the order e-mails) may share wording under {@code FAMILY.NAME}; a kind's own
 * key of the same name wins, and {@code common.} (every kind) yields to both.
 */
public final class EmailRenderer {
    private static final Mustache.Compiler HTML = Mustache.compiler().withLoader(EmailRenderer::partial);
    private static final Mustache.Compiler TEXT = HTML.escapeHTML(false);
    private final Map<Language, Properties> wording = new EnumMap<>(Language.class);
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    public EmailRenderer() {
        for (Language language : Language.values()) {
            Properties properties = new Properties();
            try (Reader reader = resource(language.tag() + ".properties")) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            wording.put(language, properties);
        }
    }

    /** Renders {@code kind} in {@code language} for {@code model} (product, links, ...). */
    public RenderedEmail render(String kind, Language language, Map<String, Object> model) {
        return render(kind, null, language, model);
    }

    /**
     * Renders {@code kind} with the wording shared by its {@code family} ({@code FAMILY.NAME} keys)
     * as well; the kind's own keys win over the family's.
     */
    public RenderedEmail render(String kind, String family, Language language, Map<String, Object> model) {
        Map<String, Object> context = context(kind, family, language, model);
        return new RenderedEmail(kind, ((Map<?, ?>) context.get("t")).get("subject").toString(),
                template(kind + ".txt", TEXT).execute(context),
                template(kind + ".html", HTML).execute(context));
    }

    /** Renders a web page ({@code kind}.html, the same wording files) in {@code language}. */
    public String renderPage(String kind, Language language, Map<String, Object> model) {
        return template(kind + ".html", HTML).execute(context(kind, null, language, model));
    }

    /**
     * The model plus {@code lang} and {@code t}: the kind's wording (over its family's, over the
     * common one) in the language.
     */
    private Map<String, Object> context(String kind, String family, Language language, Map<String, Object> model) {
        Map<String, Object> context = new HashMap<>(model);
        context.put("lang", language.tag());
        Map<String, String> words = new LinkedHashMap<>();
        Properties properties = wording.get(language);
        List<String> prefixes = family == null ? List.of("common.", kind + ".")
                : List.of("common.", family + ".", kind + ".");
        for (String prefix : prefixes) {
            for (String name : properties.stringPropertyNames()) {
                if (name.startsWith(prefix)) {
                    words.put(name.substring(prefix.length()),
                            TEXT.compile(properties.getProperty(name)).execute(context));
                }
            }
        }
        if (!words.containsKey("subject")) {
            throw new IllegalArgumentException("no wording for " + kind + " in " + language.tag());
        }
        context.put("t", words);
        return context;
    }

    /** A price in the reader's conventions ("€49.90", "49,90 €"). */
    public static String price(BigDecimal amount, String currency, Language language) {
        NumberFormat format = NumberFormat.getCurrencyInstance(language.locale());
        format.setCurrency(Currency.getInstance(currency));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    private Template template(String name, Mustache.Compiler compiler) {
        return templates.computeIfAbsent(name, n -> {
            try (Reader reader = resource(n + ".mustache")) {
                return compiler.compile(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Reader partial(String name) {
        return resource(name + ".mustache");
    }

    private static Reader resource(String name) {
        InputStream in = EmailRenderer.class.getResourceAsStream("/emails/" + name);
        if (in == null) {
            return new StringReader(failMissing(name));
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static String failMissing(String name) {
        throw new IllegalStateException("e-mail resource " + name + " is missing");
    }
}
