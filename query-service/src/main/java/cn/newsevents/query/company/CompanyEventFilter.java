package cn.newsevents.query.company;

import cn.newsevents.contract.event.Metric;

/**
 * What a company-event search asks for; every field is optional (null). {@code company} is a substring of the
 * company name already folded to simplified characters; {@code period} is matched exactly.
 */
public record CompanyEventFilter(String company, Metric metric, String period) {
}
