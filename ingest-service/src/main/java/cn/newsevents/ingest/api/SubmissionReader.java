package cn.newsevents.ingest.api;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.Ids;
import cn.newsevents.contract.messaging.RawArticle;
import cn.newsevents.extraction.ArticleText;
import cn.newsevents.web.problem.Problem;
import cn.newsevents.web.problem.Problem.FieldError;
import cn.newsevents.web.problem.ProblemException;
import cn.newsevents.web.problem.ProblemType;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a request body into a {@link RawArticle} or a {@link ProblemException} naming what is wrong.
 *
 * <p>Accepted: {@code application/json} {@code {url?, title, source?, publishedAt, body, language?}} and
 * {@code text/plain} in the article layout ({@link ArticleText}), both UTF-8. HTML is reduced to text; control
 * characters other than tab, line feed and carriage return, unpaired surrogates, blank titles or bodies,
 * impossible or future publication dates and non-http(s) urls are refused.
 */
@Singleton
public class SubmissionReader {
    static final int MAX_TITLE = RawArticle.MAX_TITLE;
    static final int MAX_SOURCE = RawArticle.MAX_SOURCE;
    static final int MAX_URL = RawArticle.MAX_URL;
    /** UTF-8 bytes of a url: the unique index on articles.url takes entries up to 2,704 bytes. */
    static final int MAX_URL_BYTES = RawArticle.MAX_URL_BYTES;
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    private static final int EARLIEST_YEAR = 1900;
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    /** Room on the source line for the date and time after the source name ("2024-05-07 16:43:38", spaces). */
    private static final int DATE_LINE_ROOM = 40;

    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
    private final Clock clock;
    private final ApiSettings settings;

    public SubmissionReader(Clock clock, ApiSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Reads one submission.
     *
     * @param body        the request body (null when absent)
     * @param contentType the request's content type (null when absent)
     * @param urlParam    the {@code url} query parameter, used for text/plain submissions
     */
    public RawArticle read(byte[] body, MediaType contentType, String urlParam) {
        Format format = format(contentType);
        if (body != null && body.length > settings.maxBodyBytes()) {
            throw new ProblemException(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body has "
                    + body.length + " bytes; the limit is " + settings.maxBodyBytes() + " bytes."));
        }
        if (body == null || body.length == 0) {
            throw invalid("body", format == Format.JSON
                    ? "The request body is empty: send a JSON object with title, publishedAt and body."
                    : "The request body is empty: send the headline, the 'SOURCE YYYY-MM-DD' line and the body.");
        }
        String text = decode(body);
        return format == Format.JSON ? readJson(text) : readPlain(text, urlParam);
    }

    private enum Format { JSON, PLAIN }

    private static Format format(MediaType type) {
        if (type == null) {
            throw new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The request has no Content-Type: send application/json or text/plain; charset=UTF-8."));
        }
        Optional<String> charset = type.getParameters().get("charset");
        if (charset.isPresent() && !charset.get().replace("\"", "").equalsIgnoreCase("utf-8")) {
            throw new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The charset '" + charset.get() + "' is not supported: send the article as UTF-8."));
        }
        String name = type.getName().toLowerCase();
        if (name.equals(MediaType.APPLICATION_JSON)) {
            return Format.JSON;
        }
        if (name.equals(MediaType.TEXT_PLAIN)) {
            return Format.PLAIN;
        }
        throw new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The content type '" + name
                + "' is not supported: send application/json or text/plain; charset=UTF-8."));
    }

    private static String decode(byte[] body) {
        // The JDK's decoder replaces each malformed sequence with U+FFFD: without one in the result the body was
        // well-formed. Only a body containing U+FFFD takes the strict decoder, which tells a real U+FFFD apart.
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.of(ProblemType.INVALID_ENCODING,
                    "The request body is not valid UTF-8: re-encode the article as UTF-8."));
        }
    }

    private RawArticle readPlain(String raw, String urlParam) {
        String text = HtmlText.toText(raw.startsWith("\uFEFF") ? raw.substring(1) : raw);
        List<FieldError> errors = new ArrayList<>();
        checkCharacters("text", text, errors);
        String url = url(urlParam, "url", errors);
        throwIfAny(errors);
        checkLayoutLines(text);
        Article article;
        try {
            article = ArticleText.parse(text, url);
        } catch (ArticleText.LayoutException e) {
            throw invalid(e.field(), e.getMessage());
        } catch (DateTimeException | IllegalArgumentException e) {
            throw invalid("publishedAt", "The 'SOURCE YYYY-MM-DD[ HH:MM:SS]' line has no real date: "
                    + e.getMessage());
        }
        checkPublishedAt(article.publishedAt(), errors);
        if (article.title().length() > MAX_TITLE) {
            errors.add(new FieldError("title", "title has " + article.title().length()
                    + " characters; the limit is " + MAX_TITLE + "."));
        }
        if (isBlankFrom(text, article.bodyOffset())) {
            errors.add(new FieldError("body", "body is missing: put the article text after the source line."));
        }
        throwIfAny(errors);
        return new RawArticle(article.id(), article.url(), article.title(), article.source(),
                article.publishedAt(), null, article.text(), article.bodyOffset(), clock.instant());
    }

    private RawArticle readJson(String raw) {
        JsonNode root;
        try {
            root = json.readTree(raw);
        } catch (JsonParseException e) {
            throw new ProblemException(Problem.of(ProblemType.MALFORMED_JSON, "The request body is not valid JSON ("
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")."));
        } catch (IOException e) {
            throw new ProblemException(Problem.of(ProblemType.MALFORMED_JSON,
                    "The request body is not valid JSON: " + e.getMessage().lines().findFirst().orElse("") + "."));
        }
        if (root == null || !root.isObject()) {
            throw new ProblemException(Problem.of(ProblemType.MALFORMED_JSON,
                    "The request body must be a JSON object with title, publishedAt and body."));
        }
        List<FieldError> errors = new ArrayList<>();
        String url = url(string(root, "url", errors), "url", errors);
        String title = oneLine(HtmlText.toText(string(root, "title", errors)));
        String source = oneLine(HtmlText.toText(string(root, "source", errors)));
        String publishedAtText = string(root, "publishedAt", errors);
        String body = HtmlText.toText(string(root, "body", errors));
        String language = string(root, "language", errors);
        throwIfAny(errors);

        required("title", title, "the headline", errors);
        required("body", body, "the article text", errors);
        if (publishedAtText == null || publishedAtText.isBlank()) {
            errors.add(new FieldError("publishedAt",
                    "publishedAt is missing: give an ISO date or date-time such as 2024-05-07T16:43:38+08:00."));
        }
        checkCharacters("title", title, errors);
        checkCharacters("source", source, errors);
        checkCharacters("body", body, errors);
        if (title != null && title.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "title has " + title.length() + " characters; the limit is "
                    + MAX_TITLE + "."));
        }
        if (source != null && source.length() > MAX_SOURCE) {
            errors.add(new FieldError("source", "source has " + source.length() + " characters; the limit is "
                    + MAX_SOURCE + "."));
        }
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            errors.add(new FieldError("language",
                    "language must be a language tag such as zh, zh-Hans or zh-Hant."));
        }
        OffsetDateTime publishedAt = null;
        if (publishedAtText != null && !publishedAtText.isBlank()) {
            try {
                publishedAt = ArticleText.parsePublishedAt(publishedAtText);
                checkPublishedAt(publishedAt, errors);
            } catch (DateTimeException | IllegalArgumentException e) {
                errors.add(new FieldError("publishedAt", "publishedAt '" + abbreviate(publishedAtText)
                        + "' is not a real ISO date or date-time (e.g. 2024-05-07 or 2024-05-07T16:43:38+08:00)."));
            }
        }
        throwIfAny(errors);
        String text = title + "\n\n" + body;
        String id = Ids.articleId(url, title, publishedAt.toString(), body);
        return new RawArticle(id, url, title, source == null || source.isBlank() ? null : source, publishedAt,
                language, text, title.length() + 2, clock.instant());
    }

    private static String string(JsonNode root, String field, List<FieldError> errors) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, field + " must be a JSON string, not " + node.getNodeType()
                    .name().toLowerCase() + "."));
            return null;
        }
        return node.textValue();
    }

    private static void required(String field, String value, String what, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, field + " is missing or blank: give " + what + "."));
        }
    }

    private static String url(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        if (url.length() > MAX_URL) {
            errors.add(new FieldError(field, field + " has " + url.length() + " characters; the limit is "
                    + MAX_URL + "."));
            return null;
        }
        int bytes = RawArticle.utf8Length(url);
        if (bytes > MAX_URL_BYTES) {
            errors.add(new FieldError(field, field + " has " + bytes + " bytes in UTF-8; the limit is "
                    + MAX_URL_BYTES + " bytes."));
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                errors.add(new FieldError(field, field + " must be an absolute http or https URL."));
                return null;
            }
            // Spellings of one address (case of scheme and host, default port, fragment, trailing slash) must
            // derive one article id.
            String normalised = UrlNormaliser.normalise(uri);
            if (normalised.length() > MAX_URL || RawArticle.utf8Length(normalised) > MAX_URL_BYTES) {
                // Only an empty path grows (to "/"): a url at the limit with a query and no path.
                errors.add(new FieldError(field, field + " is at the length limit and has no path; write it with "
                        + "a path of \"/\" within " + MAX_URL + " characters."));
                return null;
            }
            return normalised;
        } catch (URISyntaxException e) {
            errors.add(new FieldError(field, field + " is not a valid URL: " + e.getReason() + "."));
            return null;
        }
    }

    private void checkPublishedAt(OffsetDateTime publishedAt, List<FieldError> errors) {
        Instant latest = clock.instant().plus(FUTURE_TOLERANCE);
        if (publishedAt.toInstant().isAfter(latest)) {
            errors.add(new FieldError("publishedAt", "publishedAt " + publishedAt
                    + " lies in the future: give the time the article was published."));
        } else if (publishedAt.getYear() < EARLIEST_YEAR) {
            errors.add(new FieldError("publishedAt", "publishedAt " + publishedAt + " is before "
                    + EARLIEST_YEAR + ": give the time the article was published."));
        }
    }

    /** Refuses control characters other than tab, LF and CR, and unpaired surrogates. */
    static void checkCharacters(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                errors.add(new FieldError(field, String.format("%s contains the control character U+%04X at "
                        + "position %d; only tab, line feed and carriage return are allowed.", field, (int) c, i)));
                return;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                errors.add(new FieldError(field, String.format("%s contains an unpaired surrogate U+%04X at "
                        + "position %d; send well-formed Unicode text.", field, (int) c, i)));
                return;
            }
        }
    }

    /** Whether {@code s} from {@code start} on is empty or white space only, as {@link String#isBlank}. */
    static boolean isBlankFrom(String s, int start) {
        for (int i = start; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (!Character.isWhitespace(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * Refuses a headline or source line over its limit before the layout's regular expression sees it: a line of
     * many thousand spaces would cost that expression time quadratic in its length.
     */
    private static void checkLayoutLines(String text) {
        int pos = 0;
        for (int line = 0; line < 2 && pos < text.length(); ) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            if (!isBlankBetween(text, pos, end)) {
                int length = stripped(text, pos, end);
                if (line == 0 && length > MAX_TITLE) {
                    throw invalid("title", "The headline has " + length + " characters; the limit is " + MAX_TITLE
                            + ".");
                }
                if (line == 1 && length > MAX_SOURCE + DATE_LINE_ROOM) {
                    throw invalid("source", "The source line has " + length + " characters; the limit is "
                            + (MAX_SOURCE + DATE_LINE_ROOM) + ": give 'SOURCE YYYY-MM-DD[ HH:MM:SS]'.");
                }
                line++;
            }
            pos = end + 1;
        }
    }

    private static boolean isBlankBetween(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The length of {@code s[from, to)} without leading and trailing white space. */
    private static int stripped(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return to - from;
    }

    /**
     * {@code s} stripped, with every run of white space that contains a line break replaced by one space. A hand
     * scan: the regular expression {@code \s*[\r\n]+\s*} took time quadratic in a run of spaces.
     */
    static String oneLine(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        StringBuilder out = null;
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (!isRegexSpace(c)) {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int j = i;
            boolean breaks = false;
            while (j < t.length() && isRegexSpace(t.charAt(j))) {
                breaks |= t.charAt(j) == '\n' || t.charAt(j) == '\r';
                j++;
            }
            if (breaks && out == null) {
                out = new StringBuilder(t.length()).append(t, 0, i);
            }
            if (out != null) {
                if (breaks) {
                    out.append(' ');
                } else {
                    out.append(t, i, j);
                }
            }
            i = j;
        }
        return out == null ? t : out.toString();
    }

    /** The characters of the regular expression class {@code \s}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.ofFields(ProblemType.INVALID_FIELD,
                List.of(new FieldError(field, message))));
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.ofFields(ProblemType.INVALID_FIELD, errors));
        }
    }
}
