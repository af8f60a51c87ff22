package cn.newsevents.ingest;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The clock every component reads the time from, so tests can move it. */
@Factory
public class TimeSource {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
