package cn.newsevents.contract.event;

import java.math.BigDecimal;

/**
 * A fact about a company. For {@code kind = metric}: {@code metric}, {@code period} ({@link Period}, in JSON "2023",
 * "2024-Q1", "2024-H1", "2024-03", or "A/B" for a range; null when the text gives none), {@code value} in base
 * units (yuan, percent points, or a count), {@code unit} ({@link Unit}, in JSON "CNY", other ISO currency codes,
 * "percent", "count"), {@code qualifier}, {@code yoyGrowth} in percent points, {@code rank}. For
 * {@code kind = attendance}:
 * {@code seminarId} names the seminar attended and {@code person} who attended for the company.
 */
public record CompanyEvent(String id, String articleId, CompanyEventKind kind, String company, Metric metric,
                           Period period, BigDecimal value, Unit unit, Qualifier qualifier,
                           BigDecimal yoyGrowth, Integer rank, String person, String seminarId,
                           Evidence evidence, double confidence, String extractorVersion) {
}
