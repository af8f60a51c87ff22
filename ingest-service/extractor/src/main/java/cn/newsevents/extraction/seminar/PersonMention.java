package cn.newsevents.extraction.seminar;

import java.util.List;

/**
 * A person named with one or more posts, e.g. 某某集团董事长、总裁陈某 (organizations [某某集团], titles [董事长, 总裁]).
 * [start, end) covers organizations, titles and name; [nameStart, nameEnd) the name alone.
 */
record PersonMention(int start, int end, int nameStart, int nameEnd, List<String> organizations,
                     List<String> titles) {

    String organization() {
        return organizations.isEmpty() ? null : String.join("、", organizations);
    }

    String title() {
        return titles.isEmpty() ? null : String.join("、", titles);
    }
}
