package cn.newsevents.localstack.seed;

import cn.newsevents.localstack.Poll;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Posts the seed articles to the ingest API and waits until the query service shows them. A ledger in
 * the data directory remembers what was posted (by content hash), so a restart does not post the same text again
 * and what the query service shows afterwards comes from storage alone.
 */
public final class Seeder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI ingest;
    private final URI query;
    private final String apiKey;
    private final Path ledger;
    private final PrintStream out;

    /**
     * @param ingest base URI of the ingest API
     * @param query  base URI of the query service
     * @param apiKey a key with the {@code write} scope
     * @param ledger the file recording posted seeds
     * @param out    where progress lines go
     */
    public Seeder(URI ingest, URI query, String apiKey, Path ledger, PrintStream out) {
        this.ingest = ingest;
        this.query = query;
        this.apiKey = apiKey;
        this.ledger = ledger;
        this.out = out;
    }

    /** One seed file as posted: its content hash and the article id the ingest API answered. */
    public record Posted(Path file, String sha256, String articleId) {
    }

    /** Posts every regular file of {@code seedsDir} whose content is not in the ledger; returns all seeds' ids. */
    public List<Posted> postNew(Path seedsDir) throws IOException, InterruptedException {
        Map<String, String> known = readLedger();
        List<Posted> all = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(seedsDir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            String sha = sha256(content);
            String id = known.get(sha);
            if (id != null) {
                out.println("  seed " + file.getFileName() + " was ingested before (article " + id + ")");
            } else {
                id = post(file, content);
                Files.writeString(ledger, sha + "\t" + id + "\t" + file.getFileName() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                out.println("  posted seed " + file.getFileName() + " -> article " + id);
            }
            all.add(new Posted(file, sha, id));
        }
        return all;
    }

    private String post(Path file, byte[] content) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(ingest.resolve("/articles"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202 && response.statusCode() != 200) {
            throw new IOException("POST /articles of seed " + file + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode id = JSON.readTree(response.body()).path("id");
        if (!id.isTextual()) {
            throw new IOException("POST /articles of seed " + file + " answered without an id: " + response.body());
        }
        return id.asText();
    }

    /**
     * Waits until the query service shows every given article (as {@code GET /articles/{id}} or through its
     * seminars on {@code GET /seminars/latest}) and returns how many of the latest seminars belong to them.
     */
    public int awaitVisible(List<Posted> seeds, Duration timeout) {
        for (Posted seed : seeds) {
            Poll.until("the query service to show article " + seed.articleId() + " of seed " + seed.file().getFileName(),
                    timeout, () -> shown(seed.articleId()) ? Optional.of(true) : Optional.empty());
        }
        // Counted from each article, not from /seminars/latest, whose first page the query service may reuse briefly.
        int seminars = 0;
        for (Posted seed : seeds) {
            seminars += getJson(query.resolve("/articles/" + seed.articleId())).path("seminars").size();
        }
        return seminars;
    }

    private boolean shown(String articleId) {
        if (status(query.resolve("/articles/" + articleId)) == 200) {
            return true;
        }
        for (JsonNode item : getJson(query.resolve("/seminars/latest?limit=100")).path("items")) {
            if (articleId.equals(item.path("articleId").asText())) {
                return true;
            }
        }
        return false;
    }

    private static int status(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the query service.", e);
        }
    }

    /** The JSON of a GET, or an empty object when the service does not answer 200 (yet). */
    private static JsonNode getJson(URI uri) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the query service.", e);
        }
    }

    private Map<String, String> readLedger() throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        if (Files.exists(ledger)) {
            for (String line : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t");
                if (parts.length >= 2) {
                    known.put(parts[0], parts[1]);
                }
            }
        }
        return known;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform.", e);
        }
    }
}
