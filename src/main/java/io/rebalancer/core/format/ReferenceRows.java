package io.rebalancer.core.format;

import io.rebalancer.core.InputException;
import io.rebalancer.core.StoredNumbers;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The lines of a reference file (accounts, models, prices, securities, households, class models),
 * read with a header and checked cell by cell: every problem is one error line naming the file and
 * the line, since these files are ours and a guess would trade real money.
 */
final class ReferenceRows {
  /** How far a model's weights may add up from 1 (SPEC "Inputs"). */
  static final BigDecimal WEIGHT_TOLERANCE = new BigDecimal("1e-9");
  private static final CSVFormat WITH_HEADER = CSVFormat.DEFAULT.builder()
      .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();

  private ReferenceRows() {}

  /** Each line of the file after its header, which must name every required column. */
  static void read(String file, Reader in, List<String> required, Consumer<Row> each) {
    try (CSVParser parser = CSVParser.parse(in, WITH_HEADER)) {
      for (String column : required) {
        if (!parser.getHeaderMap().containsKey(column)) {
          throw new InputException(file + ": header has no " + column + " column (expected "
              + String.join(",", required) + ")");
        }
      }
      for (CSVRecord r : parser) {
        each.accept(new Row(file, r));
      }
    } catch (IOException | UncheckedIOException e) {
      throw new InputException(file + ": cannot be read as CSV: " + e.getMessage(), e);
    }
  }

  /** A model's weights add up to 1 within {@link #WEIGHT_TOLERANCE}, else the model is named. */
  static void checkWeightSum(String file, String modelId, BigDecimal sum) {
    if (sum.subtract(BigDecimal.ONE).abs().compareTo(WEIGHT_TOLERANCE) > 0) {
      throw new InputException(file + ": model " + modelId + ": target weights sum to "
          + sum.toPlainString() + ", not 1");
    }
  }

  /** One line of a reference file, its cells checked as they are asked for. */
  record Row(String file, CSVRecord record) {
    InputException error(String problem) {
      return new InputException(file + ": line " + line() + ": " + problem);
    }

    long line() {
      return record.getParser().getCurrentLineNumber();
    }

    String text(String column) {
      String v = optionalText(column);
      if (v == null) {
        throw error("missing " + column);
      }
      return v;
    }

    /** The cell, or null when the column is absent or the cell empty. */
    String optionalText(String column) {
      String v = record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
      return v.isEmpty() ? null : v;
    }

    /**
     * One of an enum's words, or null for an empty cell (the caller's default); any other word
     * is an error listing the words allowed.
     */
    <E> E optionalLabel(String column, Function<String, Optional<E>> parse, String labels) {
      String v = optionalText(column);
      if (v == null) {
        return null;
      }
      return parse.apply(v).orElseThrow(
          () -> error(column + " '" + v + "' is not one of " + labels));
    }

    /** A value the warehouse could not store exactly stops the run here, not at the load. */
    void checkStored(String column, BigDecimal value) {
      String problem = value == null ? null : StoredNumbers.problem(column, value);
      if (problem != null) {
        throw error(problem);
      }
    }

    BigDecimal decimal(String column) {
      BigDecimal d = optionalDecimal(column);
      if (d == null) {
        throw error("missing " + column);
      }
      return d;
    }

    BigDecimal optionalDecimal(String column) {
      String v = optionalText(column);
      if (v == null) {
        return null;
      }
      try {
        return new BigDecimal(v);
      } catch (NumberFormatException e) {
        throw error(column + " '" + v + "' is not a number");
      }
    }

    /** A model's target weight: a number from 0 to 1 that the warehouse stores exactly. */
    BigDecimal targetWeight() {
      BigDecimal w = decimal("target_weight");
      if (w.signum() < 0 || w.compareTo(BigDecimal.ONE) > 0) {
        throw error("target_weight must be between 0 and 1");
      }
      checkStored("target_weight", w);
      return w;
    }

    LocalDate date(String column) {
      String v = text(column);
      try {
        return LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        throw error(column + " '" + v + "' is not a date (YYYY-MM-DD)");
      }
    }
  }
}
