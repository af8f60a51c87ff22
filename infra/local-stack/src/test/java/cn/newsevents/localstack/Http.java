package cn.newsevents.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The few HTTP calls the end-to-end tests make, against real service processes. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Http() {
    }

    /** POSTs a plain-text article; returns the response. */
    static HttpResponse<String> postArticle(URI ingest, String apiKey, Path file) {
        try {
            HttpRequest request = HttpRequest.newBuilder(ingest.resolve("/articles"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * GETs JSON; throws when the status is not 200. A 429 of the query service's per-client rate limit is waited
     * out as its {@code Retry-After} says, as a well-behaved client does (up to 30 times).
     */
    static JsonNode getJson(URI uri) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            for (int wait = 0; response.statusCode() == 429 && wait < 30; wait++) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.max(1, Math.min(seconds, 5)) * 1_000);
                response = CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The items of {@code GET /seminars/latest} that belong to {@code articleId}, in the order served. */
    static List<JsonNode> latestSeminarsOf(URI query, String articleId) {
        List<JsonNode> mine = new ArrayList<>();
        for (JsonNode item : getJson(query.resolve("/seminars/latest?limit=50")).path("items")) {
            if (articleId.equals(item.path("articleId").asText())) {
                mine.add(item);
            }
        }
        return mine;
    }

    static List<String> field(List<JsonNode> items, String name) {
        return items.stream().map(i -> i.path(name).asText()).toList();
    }
}
