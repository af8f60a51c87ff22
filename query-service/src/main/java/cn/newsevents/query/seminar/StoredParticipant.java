package cn.newsevents.query.seminar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/**
 * A row of {@code seminar_participants}: one person of a seminar, in the order of the article. Seminar searches
 * match {@code name_s} exactly and {@code organization_s} as a substring.
 */
@MappedEntity("seminar_participants")
public record StoredParticipant(@EmbeddedId Key key,
                                String name,
                                @Nullable String title,
                                @Nullable String organization,
                                @MappedProperty("name_s") String nameSimplified,
                                @Nullable @MappedProperty("organization_s") String organizationSimplified) {

    /** The primary key: the seminar and the participant's position in it. */
    @Embeddable
    public record Key(String seminarId, int ordinal) {
    }
}
