package cn.newsevents.bench.report;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Prints the hottest methods of a JFR recording: for every {@code jdk.ExecutionSample}, the top frame (self time)
 * and, separately, each distinct method on the stack (total time), as shares of all samples, then the share of
 * each thread (numbers in thread names folded, so a pool counts as one). With {@code THREADS}, a regular
 * expression, only samples of threads whose name matches it count (e.g. {@code 'default-eventLoopGroup.*'}).
 * Usage: {@code HotMethods FILE.jfr [TOP] [THREADS]}.
 */
public final class HotMethods {
    private HotMethods() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: HotMethods FILE.jfr [TOP] [THREAD_NAME_REGEX]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Pattern threads = args.length > 2 ? Pattern.compile(args[2]) : null;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            RecordedThread sampled = event.getThread("sampledThread");
            String thread = sampled == null || sampled.getJavaName() == null ? "?" : sampled.getJavaName();
            if (threads != null && !threads.matcher(thread).matches()) {
                continue;
            }
            samples++;
            byThread.merge(thread.replaceAll("\\d+", "N"), 1, Integer::sum);
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            frames.stream().map(HotMethods::name).distinct().forEach(m -> total.merge(m, 1, Integer::sum));
        }
        System.out.printf("%d execution samples%n", samples);
        print("self (top frame)", self, samples, top);
        print("total (anywhere on the stack)", total, samples, top);
        print("threads", byThread, samples, top);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println();
        System.out.println(title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getKey()));
    }
}
