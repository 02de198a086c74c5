package io.rebalancer.core.trust;

import io.rebalancer.core.format.AsOf;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Whether an export is of the run date: holdings downloaded after it are from the future (a wrong
 * --runDate), and holdings older than maxExportAgeDays are a stale download that positions have
 * moved on from.
 */
public final class ExportAge {
  private ExportAge() {}

  /** The problem with a file's stated date, or null when it is current (or states none). */
  public static InputProblem problem(String sourceId, String uri, AsOf asOf, LocalDate runDate,
      int maxAgeDays) {
    if (asOf == null) {
      return null;
    }
    String where = "source " + sourceId + ": " + uri + " is dated " + asOf.date() + " (line "
        + asOf.lineNumber() + ": \"" + asOf.text().strip() + "\")";
    if (asOf.date().isAfter(runDate)) {
      return new InputProblem(InputProblem.Kind.EXPORT_DATE, uri, where
          + ", after the run date " + runDate + ": check --runDate, or the file is not this run's");
    }
    long age = ChronoUnit.DAYS.between(asOf.date(), runDate);
    if (age > maxAgeDays) {
      return new InputProblem(InputProblem.Kind.EXPORT_DATE, uri, where + ", " + age
          + " days before the run date " + runDate + " (validation.maxExportAgeDays is "
          + maxAgeDays + "): download a current export");
    }
    return null;
  }
}
