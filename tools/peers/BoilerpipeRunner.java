// BoilerpipeRunner.java - times boilerpipe's ArticleExtractor (Debian
// libboilerpipe-java) over pages loaded into memory first; compiled at
// bench time by tools/bench_peers.py.
//
//   java -cp CLASSPATH BoilerpipeRunner RUNS PAGE...
//
// Prints one JSON line: pages, bytes, the seconds of each timed run (wall,
// and the process's CPU: the JIT's and the collector's threads count
// too), failures. Start-up, loading and one warm-up pass (for the JIT) are not
// timed.
import de.l3s.boilerpipe.extractors.ArticleExtractor;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

public final class BoilerpipeRunner {
    private static byte[] load(String path) throws IOException {
        try (InputStream raw = new FileInputStream(path);
             InputStream in = path.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static int failures;
    private static double cpuSeconds;

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                    ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double pass(List<String> pages) {
        failures = 0;
        long c0 = processCpuNanos();
        long t0 = System.nanoTime();
        for (String html : pages) {
            try {
                ArticleExtractor.INSTANCE.getText(html);
            } catch (Exception e) {
                failures++;
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        cpuSeconds = (processCpuNanos() - c0) / 1e9;
        return wall;
    }

    public static void main(String[] args) throws IOException {
        int runs = Integer.parseInt(args[0]);
        List<String> pages = new ArrayList<>();
        long bytes = 0;
        for (int i = 1; i < args.length; i++) {
            byte[] b = load(args[i]);
            bytes += b.length;
            // Decoding is part of loading, not of the timed extraction.
            pages.add(new String(b, StandardCharsets.UTF_8));
        }
        pass(pages); // warm-up
        int warmFailures = failures;
        StringBuilder secs = new StringBuilder(), cpu = new StringBuilder();
        for (int r = 0; r < runs; r++) {
            if (r > 0) {
                secs.append(", ");
                cpu.append(", ");
            }
            secs.append(pass(pages));
            cpu.append(cpuSeconds);
        }
        System.out.println("{\"peer\": \"boilerpipe\", \"pages\": " + pages.size()
                           + ", \"bytes\": " + bytes + ", \"seconds\": [" + secs
                           + "], \"cpu\": [" + cpu + "], \"failures\": "
                           + warmFailures + "}");
    }
}
