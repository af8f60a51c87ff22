package cn.newsevents.extraction.normalize;

import cn.newsevents.contract.event.Qualifier;
import cn.newsevents.contract.event.Unit;

import java.math.BigDecimal;

/**
 * A normalised amount: {@code value} in base units (yuan or other currency units, percent points, or a count),
 * its {@code unit}, and how exact the text says it is ({@code qualifier}, null when stated as exact).
 * {@code unitStated} is false when the text gave only a magnitude ("突破100亿") and the unit was assumed.
 */
public record Amount(BigDecimal value, Unit unit, Qualifier qualifier, boolean unitStated) {
}
