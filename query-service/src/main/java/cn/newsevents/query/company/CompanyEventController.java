package cn.newsevents.query.company;

import cn.newsevents.contract.event.Metric;
import cn.newsevents.query.QueryConfig;
import cn.newsevents.query.api.InvalidParameterException;
import cn.newsevents.query.api.Page;
import cn.newsevents.query.api.Params;
import cn.newsevents.query.api.RawJson;
import cn.newsevents.query.paging.CursorKind;
import cn.newsevents.query.paging.TimeKey;
import cn.newsevents.query.search.SearchTerms;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Company events (figures and seminar attendance), filtered and keyset-paged. */
@Controller("/company-events")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CompanyEventController {
    private static final String ONE_PERIOD = "\\d{4}(?:-(?:Q[1-4]|H[12]|0[1-9]|1[0-2]))?";
    private static final Pattern PERIOD = Pattern.compile(ONE_PERIOD + "(?:/" + ONE_PERIOD + ")?");
    private static final String METRICS = Arrays.stream(Metric.values()).map(Metric::code)
            .collect(Collectors.joining(", "));

    private final CompanyEventRepository companyEvents;
    private final QueryConfig config;

    public CompanyEventController(CompanyEventRepository companyEvents, QueryConfig config) {
        this.companyEvents = companyEvents;
        this.config = config;
    }

    @Operation(summary = "Company events matching every given filter, newest stored first")
    @Get
    public Page<RawJson> searchCompanyEvents(@Parameter(description = "part of the company name")
                                @Nullable @QueryValue String company,
                                @Parameter(description = "a metric code, e.g. revenue")
                                @Nullable @QueryValue String metric,
                                @Parameter(description = "a period: 2023, 2024-Q1, 2024-H1, 2024-03 or A/B")
                                @Nullable @QueryValue String period,
                                @Nullable @QueryValue String limit,
                                @Nullable @QueryValue String cursor) {
        int size = Params.limit(limit, config);
        CompanyEventFilter filter = new CompanyEventFilter(SearchTerms.fold(Params.text("company", company)),
                metric(Params.text("metric", metric)), period(Params.text("period", period)));
        TimeKey after = cursor == null || cursor.isBlank() ? null : TimeKey.decode(CursorKind.COMPANY_EVENT, cursor);
        return companyEvents.find(filter, after, size);
    }

    /** The metric named by {@code code} (null for none), or a 400 on the parameter 'metric'. */
    public static Metric metric(String code) {
        if (code == null) {
            return null;
        }
        try {
            return Metric.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("metric", "The parameter 'metric' must be one of " + METRICS
                    + "; '" + code + "' is not.");
        }
    }

    /** {@code period} when it is a valid period (or null), else a 400 on the parameter 'period'. */
    public static String period(String period) {
        if (period != null && !PERIOD.matcher(period).matches()) {
            throw new InvalidParameterException("period", "The parameter 'period' must look like 2023, 2024-Q1,"
                    + " 2024-H1, 2024-03 or a range such as 2021/2023; '" + period + "' does not.");
        }
        return period;
    }
}
