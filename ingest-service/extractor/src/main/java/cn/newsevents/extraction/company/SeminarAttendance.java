package cn.newsevents.extraction.company;

import cn.newsevents.contract.event.Article;
import cn.newsevents.contract.event.CompanyEvent;
import cn.newsevents.contract.event.CompanyEventKind;
import cn.newsevents.contract.event.Evidence;
import cn.newsevents.contract.event.ExtractorVersion;
import cn.newsevents.contract.event.Ids;
import cn.newsevents.contract.event.Participant;
import cn.newsevents.contract.event.SeminarEvent;
import cn.newsevents.extraction.text.SimplifiedText;

import java.util.ArrayList;
import java.util.List;

/** Attendance events: a company whose person took part in a seminar. Thread-safe. */
final class SeminarAttendance {
    private final CompanyLexicon lex;

    SeminarAttendance(CompanyLexicon lex) {
        this.lex = lex;
    }

    /**
     * The span naming the participant and their organization ("某某有限公司董事长王某"), searched in the text as
     * written and then in its simplified view, from the seminar's evidence on; else the seminar's evidence.
     */
    private static Evidence participantSpan(String original, String simplified, Evidence seminar, String person,
                                            String organization) {
        if (person == null || person.isBlank()) {
            return seminar;
        }
        int from = seminar == null ? 0 : seminar.start();
        for (String text : new String[]{original, simplified}) {
            String name = text == original ? person : SimplifiedText.of(person);
            String org = text == original ? organization : SimplifiedText.of(organization);
            int at = text.indexOf(name, from);
            if (at < 0) {
                at = text.indexOf(name);
            }
            if (at < 0) {
                continue;
            }
            int start = at;
            int end = at + name.length();
            int orgAt = text.lastIndexOf(org, at);
            if (orgAt >= 0 && at - orgAt <= 60) {
                start = orgAt;
            } else {
                int orgAfter = text.indexOf(org, end);
                if (orgAfter >= 0 && orgAfter - end <= 60) {
                    end = orgAfter + org.length();
                }
            }
            return new Evidence(start, end, original.substring(start, end));
        }
        return seminar;
    }

    /** One attendance event per seminar participant whose organization is a company. */
    List<CompanyEvent> events(Article article, String simplified, List<SeminarEvent> seminars) {
        List<CompanyEvent> out = new ArrayList<>();
        String original = article.text();
        for (SeminarEvent s : seminars) {
            for (Participant p : s.participants() == null ? List.<Participant>of() : s.participants()) {
                if (p.organization() == null) {
                    continue;
                }
                // 某某商会、某某有限公司: one person's several organizations; each company among them attends.
                for (String org : p.organization().split("、")) {
                    if (org.isBlank() || !lex.isCompanyOrganization(SimplifiedText.of(org))) {
                        continue;
                    }
                    Evidence ev = participantSpan(original, simplified, s.evidence(), p.name(), org);
                    String id = Ids.eventId(article.id(), "company", org, "attendance", s.id(), p.name());
                    out.add(new CompanyEvent(id, article.id(), CompanyEventKind.ATTENDANCE, org, null, null, null,
                            null, null, null, null, p.name(), s.id(), ev, s.confidence(), ExtractorVersion.CURRENT));
                }
            }
        }
        return out;
    }
}
