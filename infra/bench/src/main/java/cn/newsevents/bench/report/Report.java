package cn.newsevents.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges the JMH result file and the load tool's figures into {@code summary.json}, adds the ratios, and prints a
 * table. Usage: {@code Report JMH_JSON LOAD_JSON SUMMARY_JSON}; a missing input file leaves its figures out.
 */
public final class Report {
    private static final String EXTRACT = "ExtractorBenchmark.extract";
    private static final String SEGMENT = "ExtractorBenchmark.segment";
    private static final String STAGE = "ExtractorBenchmark.stage";

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: Report JMH_JSON LOAD_JSON SUMMARY_JSON");
            System.exit(2);
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> summary = new LinkedHashMap<>();
        Path jmh = Path.of(args[0]);
        if (Files.exists(jmh)) {
            for (JsonNode result : mapper.readTree(jmh.toFile())) {
                String name = result.path("benchmark").asText();
                double chars = result.path("secondaryMetrics").path("chars").path("score").asDouble();
                if (name.endsWith(EXTRACT)) {
                    summary.put("extractor.charsPerSec", Math.round(chars));
                } else if (name.endsWith(SEGMENT)) {
                    summary.put("extractor.segmentOnlyCharsPerSec", Math.round(chars));
                } else if (name.contains(STAGE)) {
                    String stage = name.substring(name.indexOf(STAGE) + STAGE.length());
                    summary.put("extractor.stage." + Character.toLowerCase(stage.charAt(0)) + stage.substring(1)
                            + ".charsPerSec", Math.round(chars));
                }
            }
        }
        Path load = Path.of(args[1]);
        if (Files.exists(load)) {
            mapper.readTree(load.toFile()).fields().forEachRemaining(e -> summary.put(e.getKey(), e.getValue()));
        }
        ratio(summary, "extractor.ratioToSegmentation", "extractor.charsPerSec", "extractor.segmentOnlyCharsPerSec");
        for (String stage : new String[]{"simplify", "seminars", "companies"}) {
            // The share of extraction time a stage takes: rates are chars/s, so the share is extract's rate over
            // the stage's.
            ratio(summary, "extractor.stage." + stage + ".shareOfExtract", "extractor.charsPerSec",
                    "extractor.stage." + stage + ".charsPerSec");
        }
        ratio(summary, "pipeline.ratioToExtractorOnly", "pipeline.articlesPerSec",
                "pipeline.extractorOnlyArticlesPerSec");
        ratio(summary, "http.ingestRatioToTrivial", "http.ingestRps", "http.trivialRps");
        ratio(summary, "http.ingestWhileProcessingRatioToTrivial", "http.ingestRpsWhileProcessing", "http.trivialRps");
        ratio(summary, "http.latestSeminarsRatioToTrivial", "http.latestSeminarsRps", "http.queryTrivialRps");
        ratio(summary, "http.latestSeminarsUncompressedRatioToTrivial", "http.latestSeminarsUncompressedRps",
                "http.queryTrivialRps");
        ObjectNode out = mapper.valueToTree(summary);
        Path target = Path.of(args[2]);
        Files.createDirectories(target.toAbsolutePath().getParent());
        mapper.writeValue(target.toFile(), out);
        print(out);
    }

    private static void ratio(Map<String, Object> summary, String key, String numerator, String denominator) {
        double n = number(summary.get(numerator));
        double d = number(summary.get(denominator));
        if (!Double.isNaN(n) && !Double.isNaN(d) && d > 0) {
            summary.put(key, Math.round(n / d * 1000) / 1000.0);
        }
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof JsonNode node && node.isNumber()) {
            return node.asDouble();
        }
        return Double.NaN;
    }

    private static void print(ObjectNode summary) {
        System.out.println();
        System.out.printf("%-48s %18s%n", "figure", "value");
        System.out.println("-".repeat(67));
        summary.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            String text = v.isIntegralNumber() ? String.format("%,d", v.asLong())
                    : v.isNumber() ? String.format("%,.3f", v.asDouble()) : v.asText();
            System.out.printf("%-48s %18s%n", e.getKey(), text);
        });
    }
}
