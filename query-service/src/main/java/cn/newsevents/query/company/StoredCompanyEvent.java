package cn.newsevents.query.company;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of {@code company_events} as this service reads it (the ingest service writes it; Flyway owns the
 * schema): a figure or an attendance, with {@code company_s} folded to simplified characters and {@code payload}
 * the event as published.
 */
@MappedEntity("company_events")
public record StoredCompanyEvent(@Id String id,
                                 String articleId,
                                 String kind,
                                 @Nullable String company,
                                 @Nullable @MappedProperty("company_s") String companySimplified,
                                 @Nullable String metric,
                                 @Nullable String period,
                                 @Nullable BigDecimal value,
                                 @Nullable String unit,
                                 @Nullable String qualifier,
                                 @Nullable String seminarId,
                                 @TypeDef(type = DataType.JSON) String payload,
                                 Instant ingestedAt) {
}
