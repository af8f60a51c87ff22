package cn.newsevents.bench.load;

import cn.newsevents.contract.event.Article;
import cn.newsevents.extraction.ArticleText;
import cn.newsevents.extraction.Extractor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The extractor alone on the articles the pipeline gets: parse plus extract, one shared {@link Extractor}, as many
 * threads as asked (the pipeline figure is compared with this one at the core count). Each thread walks the list
 * from its own offset, round after round; a warmup period runs first and is not counted.
 */
public final class ExtractorThroughput {
    private ExtractorThroughput() {
    }

    /** Articles per second over {@code measure}, after {@code warmup}, with {@code threads} threads. */
    public static double articlesPerSecond(List<String> raws, List<String> urls, int threads, Duration warmup,
                                           Duration measure) throws InterruptedException {
        Extractor extractor = new Extractor();
        run(extractor, raws, urls, threads, warmup);
        long done = run(extractor, raws, urls, threads, measure);
        return done / (measure.toNanos() / 1e9);
    }

    private static long run(Extractor extractor, List<String> raws, List<String> urls, int threads, Duration length)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + length.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * raws.size() / threads;
            Thread worker = new Thread(() -> {
                long count = 0;
                int i = offset;
                while (System.nanoTime() < deadline) {
                    Article article = ArticleText.parse(raws.get(i), urls.get(i));
                    if (extractor.extract(article).article() != null) {
                        count++;
                    }
                    i = (i + 1) % raws.size();
                }
                done.addAndGet(count);
            }, "extract-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return done.get();
    }
}
