package cn.newsevents.query.search;

import cn.newsevents.contract.text.SimplifiedFolding;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Folds search terms the way the stored {@code *_s} columns are folded (to simplified characters), so 張偉 finds
 * 张伟 and the other way round, and builds LIKE patterns from them.
 */
@Singleton
public class SearchTerms {
    /** Folds {@code term} to simplified characters; null stays null. */
    public static String fold(String term) {
        return term == null ? null : SimplifiedFolding.fold(term);
    }

    /** A LIKE pattern matching values that contain {@code folded} literally (wildcards in it are escaped with \). */
    public static String containing(String folded) {
        StringBuilder sb = new StringBuilder(folded.length() + 2).append('%');
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('%').toString();
    }

    /** Loads the conversion tables at startup rather than on the first search request. */
    @EventListener
    void warmUp(StartupEvent event) {
        fold("預熱");
    }
}
