package cn.newsevents.ingest;

import cn.newsevents.ingest.pipeline.DeadLetterReplay;
import cn.newsevents.ingest.reprocess.Reprocessor;
import cn.newsevents.ingest.store.ReprocessJob;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The maintenance commands of the service jar, run in an application context without the HTTP server and the
 * processor, configured from the same environment as the service:
 * <ul>
 *   <li>{@code reprocess [--all] [--batch N]}: re-runs the current extractor over stored articles (see
 *       {@link Reprocessor}); run again, it continues an interrupted run.</li>
 *   <li>{@code replay-dlt [--max N] [--group G]}: puts dead letters back on {@code articles.raw} (see
 *       {@link DeadLetterReplay}).</li>
 * </ul>
 * Exit codes: 0 done, 1 failed, 2 wrong arguments.
 */
public final class Commands {
    /** The names of the commands. */
    public static final List<String> NAMES = List.of("reprocess", "replay-dlt");

    private static final String USAGE = """
            Usage: java -jar ingest-service.jar reprocess [--all] [--batch N]
                   java -jar ingest-service.jar replay-dlt [--max N] [--group G]""";

    private Commands() {
    }

    /** Options of {@code reprocess}. */
    record ReprocessOptions(boolean all, int batch) {
    }

    /** Options of {@code replay-dlt}. */
    record ReplayOptions(long max, String group) {
    }

    /** Runs command {@code args[0]}; {@code properties} are added to the configuration (tests point them at their services). */
    public static int run(String[] args, Map<String, Object> properties, PrintStream out, PrintStream err) {
        Object options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("ingest.api.enabled", false);
        p.put("ingest.processor.enabled", false);
        // The command may be the first to reach a new database.
        p.put("flyway.datasources.default.enabled", options instanceof ReprocessOptions);
        p.putAll(properties);
        try (ApplicationContext context = ApplicationContext.builder(Application.class).properties(p)
                .banner(false).start()) {
            if (options instanceof ReprocessOptions o) {
                return reprocess(context.getBean(Reprocessor.class), o, out);
            }
            ReplayOptions o = (ReplayOptions) options;
            int n = context.getBean(DeadLetterReplay.class).replay(o.group(), o.max(), out);
            out.printf("Done: %d record(s) replayed.%n", n);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted.");
            return 1;
        } catch (Exception e) {
            err.println(args[0] + " failed: " + e);
            return 1;
        }
    }

    private static int reprocess(Reprocessor reprocessor, ReprocessOptions o, PrintStream out) {
        ReprocessJob job = reprocessor.startOrResume(o.all(), o.batch());
        out.printf("Reprocessing job %s (extractor %s%s): %d article(s) to look at%s.%n", job.id(),
                job.extractorVersion(), job.includeCurrent() ? ", all articles" : "", job.total(),
                job.lastArticleId() == null ? "" : ", continuing after article " + job.lastArticleId());
        ReprocessJob done = reprocessor.run(job.id(), j -> out.printf(
                "%3d%%  looked at %d of %d, replaced %d, skipped %d, failed %d%n", j.percent(), j.scanned(),
                j.total(), j.replaced(), j.skipped(), j.failed()));
        out.printf("Done: %s; %d article(s) replaced, %d skipped, %d failed.%n", done.status().code(), done.replaced(),
                done.skipped(), done.failed());
        return done.status() == ReprocessJob.Status.FINISHED ? 0 : 1;
    }

    static Object parse(String[] args) {
        if (args.length == 0 || !NAMES.contains(args[0])) {
            throw new IllegalArgumentException("Name a command: " + String.join(" or ", NAMES) + ".");
        }
        boolean all = false;
        int batch = 50;
        long max = Long.MAX_VALUE;
        String group = DeadLetterReplay.GROUP;
        boolean reprocess = args[0].equals("reprocess");
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (reprocess && a.equals("--all")) {
                all = true;
            } else if (reprocess && a.equals("--batch")) {
                batch = (int) number(args, ++i, "--batch", 10_000);
            } else if (!reprocess && a.equals("--max")) {
                max = number(args, ++i, "--max", Long.MAX_VALUE);
            } else if (!reprocess && a.equals("--group")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    throw new IllegalArgumentException("--group needs a consumer group name.");
                }
                group = args[++i];
            } else {
                throw new IllegalArgumentException("Unknown option '" + a + "' for " + args[0] + ".");
            }
        }
        return reprocess ? new ReprocessOptions(all, batch) : new ReplayOptions(max, group);
    }

    private static long number(String[] args, int i, String option, long limit) {
        try {
            long n = Long.parseLong(args[i]);
            if (n < 1 || n > limit) {
                throw new NumberFormatException();
            }
            return n;
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number from 1 to " + limit + ".");
        }
    }
}
