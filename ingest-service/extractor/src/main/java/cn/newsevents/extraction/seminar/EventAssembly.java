package cn.newsevents.extraction.seminar;

import cn.newsevents.contract.event.Evidence;
import cn.newsevents.contract.event.ExtractorVersion;
import cn.newsevents.contract.event.Ids;
import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.Person;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.extraction.text.Lexicon;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the drafts of one article into events. A session of a series takes the host, city, series and name its
 * first session has when it has none; a convener is the host when nobody chairs; a meeting with a city post and no
 * city is in the headline's city. Each event gets an id stable across runs (article, date, ordinal, name), its
 * evidence sentence, participants without the host, organisations completed with the city (市委 -> 杭州市委) and a
 * confidence from what was found. Drafts are completed in place; events keep the drafts' order.
 */
final class EventAssembly {
    private final String articleId;
    private final String orig;
    private final MeetingCities cities;
    /** The province and district the article names first: they complete 省政府 and 区政府 of a meeting with no place. */
    private String articleCity;
    private String articleProvince;
    private String articleDistrict;

    EventAssembly(String articleId, MeetingText text, MeetingCities cities) {
        this.articleId = articleId;
        this.orig = text.orig;
        this.cities = cities;
    }

    List<SeminarEvent> assemble(List<MeetingDraft> drafts) {
        String headlineCity = cities.headline();
        if (!drafts.isEmpty()) {
            articleCity = cities.articleCity();
            articleProvince = cities.articleProvince();
            articleDistrict = cities.articleDistrict();
        }
        for (MeetingDraft e : drafts) {
            MeetingDraft h = e.seriesHead;
            if (h != null) {
                if (e.host == null) {
                    e.host = h.host;
                }
                if (e.city == null) {
                    e.city = h.city;
                }
                if (e.series == null) {
                    e.series = h.series;
                }
                if (e.name == null) {
                    e.name = h.name;
                }
            }
        }
        for (MeetingDraft e : drafts) {
            if (e.host == null && e.convener != null) {
                e.host = e.convener;
            }
        }
        for (MeetingDraft e : drafts) {
            if (e.city == null && e.seriesHead != null && e.seriesHead.city != null) {
                e.city = e.seriesHead.city;
            }
            if (e.city == null && headlineCity != null && MeetingCities.localPost(e)) {
                e.city = headlineCity;
            }
        }
        List<SeminarEvent> out = new ArrayList<>();
        for (MeetingDraft e : drafts) {
            out.add(event(e));
        }
        return out;
    }

    private SeminarEvent event(MeetingDraft e) {
        String cityName = MeetingCities.cityName(e.city);
        List<Participant> participants = new ArrayList<>();
        String hostKey = e.host == null ? null : MeetingDraft.key(e.hostName(orig));
        for (MeetingDraft.Pending p : e.participants.values()) {
            if (MeetingDraft.key(p.name()).equals(hostKey)) {
                continue;
            }
            String organization = p.mention().organization() != null ? p.mention().organization()
                    : impliedOrganization(p.mention().title());
            participants.add(new Participant(p.name(), p.mention().title(),
                    MeetingCities.expand(organization, cityName, e.city, articleCity, articleProvince, articleDistrict), p.raised()));
        }
        Person host = e.host == null ? null : new Person(e.hostName(orig), e.host.title(),
                MeetingCities.expand(e.host.organization(), cityName, e.city, articleCity, articleProvince, articleDistrict));
        double confidence = 0.55 + (e.fallbackDate ? -0.15 : 0.15) + (host != null ? 0.1 : 0)
                + (participants.isEmpty() ? 0 : 0.1) + (e.name != null ? 0.05 : 0);
        Evidence evidence = new Evidence(e.evidenceSentence.start(), e.evidenceSentence.end(),
                orig.substring(e.evidenceSentence.start(), e.evidenceSentence.end()));
        String nameOrSeries = e.name != null ? e.name : e.series;
        String id = Ids.eventId(articleId, "seminar", e.date, e.sequence, nameOrSeries);
        return new SeminarEvent(id, articleId, e.date, e.timeOfDay, e.city, e.name, e.series,
                e.sequence, host, e.focus, List.copyOf(participants), evidence,
                Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100.0, ExtractorVersion.CURRENT);
    }

    /** The organization a post written alone names (副市长 -> 市政府), or null. */
    static String impliedOrganization(String title) {
        if (title == null) {
            return null;
        }
        for (String part : title.split("、")) {
            String org = Lexicon.TITLE_ORGANIZATIONS.value(part, 2);
            if (org != null) {
                return org;
            }
        }
        return null;
    }
}
