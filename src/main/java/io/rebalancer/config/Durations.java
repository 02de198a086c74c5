package io.rebalancer.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the config writes them: a whole number and a unit, 500ms, 30s, 5m or 1h. */
public final class Durations {
  private static final Pattern WRITTEN = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");
  static final String EXAMPLES = "500ms, 30s or 5m";

  private Durations() {}

  /** The duration text says, or null when it is not one. */
  static Duration parse(String text) {
    Matcher m = WRITTEN.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  /** The shortest way the config would write d: 2s rather than 2000ms, 5m rather than 300s. */
  public static String written(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms != 0 && ms % 1_000 == 0) {
      return ms / 1_000 + "s";
    }
    return ms + "ms";
  }
}
