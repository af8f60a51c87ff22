package cn.newsevents.extraction.seminar;

import cn.newsevents.extraction.text.SimplifiedText;
import cn.newsevents.extraction.text.Span;

import java.time.LocalDate;
import java.util.LinkedHashMap;

/**
 * An event being assembled from several mentions of one meeting in one article. The date and the evidence sentence
 * are fixed by the mention that created it; every other field is filled by the first stage that finds a value and is
 * not overwritten afterwards. Participants are keyed by {@link #key(String)} so one person is listed once. Mutable and
 * confined to one extraction.
 */
final class MeetingDraft {
    final LocalDate date;
    String timeOfDay;
    String city;
    String name;
    String series;
    Integer sequence;
    PersonMention host;
    /** The person who convened the meeting (某某召开座谈会): its host when nobody is said to chair it. */
    PersonMention convener;
    String focus;
    /** The focus was read from the meeting's name (小微企业金融服务座谈会); a theme the text states wins over it. */
    boolean focusFromName;
    boolean fallbackDate;
    MeetingDraft seriesHead;
    final Span evidenceSentence;
    final LinkedHashMap<String, Pending> participants = new LinkedHashMap<>();

    MeetingDraft(LocalDate date, String timeOfDay, Span evidenceSentence) {
        this.date = date;
        this.timeOfDay = timeOfDay;
        this.evidenceSentence = evidenceSentence;
    }

    /** The host's name as written in {@code original}; the host must be known. */
    String hostName(String original) {
        return original.substring(host.nameStart(), host.nameEnd());
    }

    /** The key under which a person is one participant, whatever the script of the name. */
    static String key(String name) {
        return name == null ? "" : SimplifiedText.of(name);
    }

    /** A person waiting to become a participant. */
    record Pending(PersonMention mention, String name, String raised) {
    }
}
