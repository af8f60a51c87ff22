package cn.newsevents.extraction.seminar;

import cn.newsevents.extraction.text.WordTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data of the seminar rules: meeting kinds ({@code rules/seminar/meeting_kinds.tsv}) and cue words by role
 * ({@code rules/seminar/cues.tsv}). Immutable.
 */
final class SeminarRules {
    /** What a cue word tells the rules; see the header of cues.tsv. */
    enum Role {
        HELD, PLANNED, DEICTIC, HOST, ATTEND, EARLIER, FOCUS, INTRO, REFERENCE_BEFORE, REFERENCE_AFTER, MEETING_REFERENCE, ATTEND_BLOCK, CONVENE,
        CONVENE_WITH, EXCHANGE, THEME, KIND_AFTER_HELD, SUBJECT_MARKER, SUBJECT_NOUN, VISIT, REFERRED_BEFORE,
        REFERRED_AFTER, TOPIC_HEAD, ATTENDEE_GROUP, KIND_MODIFIER, DISCUSSED, DISCUSSION_VERB, SOCIAL_KIND, TALK
    }

    static final SeminarRules DEFAULT = load();

    final WordTable kinds;
    private final Map<Role, WordTable> cues;

    private SeminarRules(WordTable kinds, Map<Role, WordTable> cues) {
        this.kinds = kinds;
        this.cues = cues;
    }

    WordTable cue(Role role) {
        return cues.get(role);
    }

    private static SeminarRules load() {
        WordTable kinds = WordTable.load("rules/seminar/meeting_kinds.tsv");
        Map<Role, List<String>> words = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            words.put(r, new ArrayList<>());
        }
        String resource = "rules/seminar/cues.tsv";
        InputStream in = SeminarRules.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The seminar cue table '" + resource + "' is not on the class path.");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                Role role = Role.valueOf(cols[0].strip().toUpperCase(Locale.ROOT));
                for (int i = 1; i < cols.length; i++) {
                    if (!cols[i].isBlank()) {
                        words.get(role).add(cols[i].strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The seminar cue table '" + resource + "' could not be read.", e);
        }
        Map<Role, WordTable> cues = new EnumMap<>(Role.class);
        words.forEach((role, list) -> cues.put(role, WordTable.of(resource + "#" + role, list)));
        return new SeminarRules(kinds, cues);
    }
}
