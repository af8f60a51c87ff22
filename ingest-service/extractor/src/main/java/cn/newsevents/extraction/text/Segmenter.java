package cn.newsevents.extraction.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.List;
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

    private final ThreadLocal<Segment> segment;

    Segmenter(Supplier<Segment> configuration) {
        this.segment = ThreadLocal.withInitial(configuration);
    }

    /** The words of {@code simplified} under this configuration. */
    public List<Term> seg(String simplified) {
        return segment.get().seg(simplified);
    }
}
