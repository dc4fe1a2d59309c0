package io.shopcare.returns.label;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * How long one label takes to render, against the floor of PDFBox writing an empty A4 page in the
 * same JVM: first call (classes loading), then, after a warm-up, the median and 90th percentile of
 * interleaved runs (so both see the same JIT and GC state). Run with
 * {@code mvn -B -q -pl labels -am test-compile exec:exec@bench}, or with the class path of the tests.
 */
public final class LabelRenderBenchmark {
    private static final int WARM_UP = 300;
    private static final int RUNS = 600;

    private LabelRenderBenchmark() {
    }

    public static void main(String[] args) {
        ReturnLabel english = Labels.english("RET-7K2M-9Q4X");
        ReturnLabel ukrainian = Labels.ukrainian();
        Map<String, Supplier<byte[]>> cases = new LinkedHashMap<>();
        cases.put("empty A4 page", LabelRenderBenchmark::emptyPage);
        cases.put("label (en)", () -> LabelPdf.render(english));
        cases.put("label (uk)", () -> LabelPdf.render(ukrainian));

        Map<String, Long> first = new LinkedHashMap<>();
        cases.forEach((name, work) -> {
            long start = System.nanoTime();
            work.get();
            first.put(name, System.nanoTime() - start);
        });
        for (int i = 0; i < WARM_UP; i++) {
            cases.values().forEach(Supplier::get);
        }
        Map<String, long[]> times = new LinkedHashMap<>();
        cases.keySet().forEach(name -> times.put(name, new long[RUNS]));
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (int i = 0; i < RUNS; i++) {
            for (Map.Entry<String, Supplier<byte[]>> c : cases.entrySet()) {
                long start = System.nanoTime();
                byte[] pdf = c.getValue().get();
                times.get(c.getKey())[i] = System.nanoTime() - start;
                sizes.put(c.getKey(), pdf.length);
            }
        }
        System.out.printf("%s, %s, %d warm-up and %d measured runs each%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), WARM_UP, RUNS);
        System.out.printf("%-15s %10s %10s %10s %10s%n", "case", "first ms", "median ms", "p90 ms", "bytes");
        times.forEach((name, t) -> {
            Arrays.sort(t);
            System.out.printf("%-15s %10.1f %10.2f %10.2f %10d%n", name, first.get(name) / 1e6, t[t.length / 2] / 1e6,
                    t[(int) (t.length * 0.9)] / 1e6, sizes.get(name));
        });
    }

    private static byte[] emptyPage() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A4));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
