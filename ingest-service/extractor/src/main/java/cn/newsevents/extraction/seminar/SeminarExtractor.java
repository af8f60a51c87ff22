package cn.newsevents.extraction.seminar;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.extraction.date.ChineseDates;
import cn.newsevents.extraction.seminar.SeminarRules.Role;

import java.time.LocalDate;
import java.util.List;

/**
 * Finds the seminars (座谈会, 专题会, 研讨会...) an article reports. Thread-safe.
 *
 * <p>The body is split into sentences; only paragraphs that name a meeting kind are read further. Each meeting
 * mention takes the dates of its clause (several dates give several sessions), its ordinal (第四场), name, quoted
 * series name and focus (聚焦 X); mentions of the same day or the same ordinal are one event. Sentences about a
 * meeting give its host (the person before 主持, or the one who convenes it or holds an exchange: 某某与企业代表
 * 进行交流) and participants (people with posts; see {@link PostedPersons}), paragraph after paragraph while
 * speakers follow, and its focus when a sentence states a theme (主题包括…). A meeting that opens its sentence takes
 * the date of the next clause (某某座谈会，3月31日在某地举行); one dated by an earlier sentence reads that sentence's
 * people too. People whose words are only passed on (传达…某某的重要讲话) are not participants. Planned meetings
 * (将于…召开) and meetings more than a year before publication give no event.
 *
 * <p>Each decision belongs to one stage: {@link MeetingFinder} (which sentences name a meeting, on which days),
 * {@link SeriesReading} (ordinal, name, series), {@link Foci} (focus), {@link MeetingPeople} (host and
 * participants), {@link MeetingCities} (where) and {@link EventAssembly} (id, evidence, confidence);
 * {@link SeminarReading} walks the sentences and routes them. The rules and the person finder are immutable and
 * shared; everything else lives for one call.
 */
public final class SeminarExtractor {
    private final SeminarRules rules = SeminarRules.DEFAULT;
    private final PostedPersons persons = new PostedPersons(rules.cue(Role.INTRO));

    /**
     * @param article    the article; evidence offsets index {@code article.text()}
     * @param simplified {@code article.text()} in simplified characters, same length
     */
    public List<SeminarEvent> extract(Article article, String simplified) {
        String text = article.text();
        if (text == null || simplified == null || text.length() != simplified.length()) {
            throw new IllegalArgumentException("The simplified text must have the same length as article.text(); "
                    + "build it with SimplifiedText.of(article.text()).");
        }
        if (article.publishedAt() == null) {
            return List.of();
        }
        int body = Math.max(0, Math.min(article.bodyOffset(), text.length()));
        LocalDate published = ChineseDates.dateline(simplified, body, simplified.length(),
                article.publishedAt().toLocalDate());
        if (rules.kinds.indexOf(simplified, 0, simplified.length()) < 0
                && rules.cue(Role.KIND_AFTER_HELD).indexOf(simplified, 0, simplified.length()) < 0) {
            return List.of();
        }
        // An ideographic space lays out columns as a space does (某某有限公司董事长　某某); same length, same offsets.
        String spaced = simplified.indexOf('\u3000') < 0 ? simplified : simplified.replace('\u3000', ' ');
        return new SeminarReading(rules, persons, article, spaced, published, body).read();
    }
}
