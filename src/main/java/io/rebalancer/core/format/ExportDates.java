package io.rebalancer.core.format;

import io.rebalancer.core.InputException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates and times exports state they were taken ("as of 07:28 PM ET, 2023/06/04", "Date
 * downloaded Jul-30-2021 2:26 PM ET"), read strictly: a date line whose date cannot be read stops
 * the run, since a file whose age cannot be checked must not pass as one that states no date.
 */
final class ExportDates {
  /** "07:28 PM", "2:26 pm", "10:14 a.m", "11:42:05 AM", "19:28". */
  static final String TIME = "\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[AaPp]\\.?\\s*[Mm]\\.?)?";
  /**
   * The zone after a time ("ET", "EDT"). Not kept: the time is the export's own wall-clock time,
   * and the age check counts calendar days.
   */
  static final String ZONE = "(?:\\s+[A-Z]{1,5})?";

  private static final Pattern TIME_PARTS = Pattern.compile(
      "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(?:([AaPp])\\.?\\s*[Mm]\\.?)?");

  private ExportDates() {}

  /**
   * A date pattern read case-insensitively, with English month names, strictly (February 31 is
   * no date, not February 28); "yyyy" is a year of the current era, as everyone means it.
   *
   * @throws IllegalArgumentException when the pattern is not a DateTimeFormatter pattern
   */
  static DateTimeFormatter pattern(String pattern) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
        .parseDefaulting(ChronoField.ERA, 1).toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * The as-of date a row states.
   *
   * @param text the words the date is read from, as in the file (for messages)
   * @param date the date part, read whole by the first of the formats that can
   * @param time the time part, or null when the export states none
   * @throws InputException naming the file and line when either part cannot be read
   */
  static AsOf asOf(SourceFile file, ExportRow row, String text, String date, String time,
      List<DateTimeFormatter> formats) {
    LocalDate day = null;
    for (DateTimeFormatter f : formats) {
      try {
        day = LocalDate.parse(date.trim(), f);
        break;
      } catch (DateTimeException e) {
        // try the next way this export writes dates
      }
    }
    LocalTime clock = time == null ? null : time(time);
    if (day == null || (time != null && clock == null)) {
      throw unreadable(file, row, text);
    }
    return new AsOf(day, clock, text.trim(), row.lineNumber());
  }

  /** A time of day as {@link #TIME} matches it, or null when it is no real time (13:00 PM). */
  static LocalTime time(String text) {
    Matcher m = TIME_PARTS.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = Integer.parseInt(m.group(2));
    int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    if (m.group(4) != null) {
      if (hour < 1 || hour > 12) {
        return null;
      }
      hour = hour % 12 + (m.group(4).equalsIgnoreCase("p") ? 12 : 0);
    }
    try {
      return LocalTime.of(hour, minute, second);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The error for a line that says when the export was taken in words that cannot be read. */
  static InputException unreadable(SourceFile file, ExportRow row, String text) {
    return new InputException(String.format("source %s: %s: line %d: cannot read the date in '%s'",
        file.sourceId(), file.uri(), row.lineNumber(), text.trim()));
  }
}
