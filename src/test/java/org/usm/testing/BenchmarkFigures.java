package org.usm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the benchmarks share: the machine and revision they ran on, durations collected by many threads with their median
 * and 95th percentile, and the rows they append to {@code target/benchmarks/<name>.csv}, from which
 * {@code scripts/plot-benchmarks.mjs} draws the plots of {@code docs/performance.md}.
 */
public final class BenchmarkFigures {

  private BenchmarkFigures() {}

  /** The machine, as the CSV rows and the docs name it: {@code 2 cores, 24 GiB}. */
  public static String machine() {
    long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
    return Runtime.getRuntime().availableProcessors() + " cores, " + Math.round(bytes / (1024.0 * 1024 * 1024)) + " GiB";
  }

  /** The median of the values, the upper middle one for an even count. */
  public static double median(List<Double> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }

  /** Durations of one kind of request, added by any thread. */
  public static final class Latencies {

    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    public void add(long nanoseconds) {
      nanos.add(nanoseconds);
    }

    public int count() {
      return nanos.size();
    }

    public double medianMs() {
      return percentileMs(50);
    }

    public double p95Ms() {
      return percentileMs(95);
    }

    /** The nearest-rank percentile in milliseconds; 0 when nothing was measured. */
    public double percentileMs(int percentile) {
      long[] sorted;
      synchronized (nanos) {
        sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      }
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
      return sorted[Math.max(0, rank - 1)] / 1e6;
    }
  }

  /**
   * Appends a row to {@code target/benchmarks/<name>.csv}, writing the header first when the file is new.
   * Every row starts with the date, the machine and the revision measured.
   */
  public static void appendCsv(String name, List<String> header, Object... values) {
    Path file = Path.of("target", "benchmarks", name + ".csv");
    List<String> lines = new ArrayList<>();
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        lines.add("date,machine,revision," + String.join(",", header));
      }
      lines.add(LocalDate.now() + ",\"" + machine() + "\"," + revision() + ","
          + Arrays.stream(values).map(BenchmarkFigures::csvValue).collect(Collectors.joining(",")));
      Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The commit measured, {@code 1a2b3c4} or {@code 1a2b3c4+changes} when the working tree differs from it. */
  public static String revision() {
    String commit = git("rev-parse", "--short", "HEAD");
    if (commit.isEmpty()) {
      return "unknown";
    }
    return git("status", "--porcelain", "--untracked-files=no").isEmpty() ? commit : commit + "+changes";
  }

  private static String git(String... arguments) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(arguments));
    try {
      Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return git.waitFor() == 0 ? output : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static String csvValue(Object value) {
    if (value instanceof Double number) {
      return String.format(java.util.Locale.ROOT, "%.2f", number);
    }
    String text = String.valueOf(value);
    return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
