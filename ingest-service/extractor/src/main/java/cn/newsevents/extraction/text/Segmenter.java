package cn.newsevents.extraction.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The library's one way of asking HanLP for words: a few named configurations, each built once per thread (HanLP
 * segments are not documented as thread-safe, and building one per call costs more than segmenting a name).
 * Number-quantifier recognition stays off everywhere: together with name recognition it can drop most of a
 * clause. HanLP reads simplified text only; callers pass the simplified view.
 */
public enum Segmenter {
    /** Words and their classes (HanLP's default configuration): is this a common word, a verb, a pronoun? */
    WORDS(HanLP::newSegment),
    /** Words with person names recognised. */
    NAMES(() -> HanLP.newSegment().enableNameRecognize(true)),
    /** Words with person names and places recognised, organisations not. */
    NAMES_AND_PLACES(() -> HanLP.newSegment().enableNameRecognize(true).enablePlaceRecognize(true)
            .enableOrganizationRecognize(false)),
    /** Words with persons, places and organisations recognised. */
    ENTITIES(() -> HanLP.newSegment().enableOrganizationRecognize(true).enableNameRecognize(true)
            .enablePlaceRecognize(true)),
    /** Chinese person names only (no translated or Japanese names, places or organisations), with offsets. */
    PERSON_NAMES(() -> HanLP.newSegment().enableNameRecognize(true).enableTranslatedNameRecognize(false)
            .enableJapaneseNameRecognize(false).enablePlaceRecognize(false).enableOrganizationRecognize(false)
            .enableNumberQuantifierRecognize(false).enableOffset(true));

    /** Texts up to this length are remembered: candidate names and subjects, asked about again and again. */
    private static final int MAX_REMEMBERED_LENGTH = 64;
    private static final int REMEMBERED = 2048;

    private final ThreadLocal<Segment> segment;
    private final ThreadLocal<Map<String, List<Term>>> remembered;

    Segmenter(Supplier<Segment> configuration) {
        this.segment = ThreadLocal.withInitial(configuration);
        this.remembered = ThreadLocal.withInitial(() -> new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Term>> eldest) {
                return size() > REMEMBERED;
            }
        });
    }

    /**
     * The words of {@code simplified} under this configuration, read-only. Short texts are answered from a small
     * per-thread cache of the latest ones: the same candidate name is segmented by several checks.
     */
    public List<Term> seg(String simplified) {
        if (simplified.length() > MAX_REMEMBERED_LENGTH) {
            return Collections.unmodifiableList(segment.get().seg(simplified));
        }
        Map<String, List<Term>> cache = remembered.get();
        List<Term> terms = cache.get(simplified);
        if (terms == null) {
            terms = Collections.unmodifiableList(segment.get().seg(simplified));
            cache.put(simplified, terms);
        }
        return terms;
    }
}
