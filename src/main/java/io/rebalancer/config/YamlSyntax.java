package io.rebalancer.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A config that is not valid YAML, as one line naming the line, the column and what to change.
 * SnakeYAML's own message is several lines (context, a caret drawing, the problem), and the
 * location Jackson reports is that of the last token it read, one line early for a tab: the
 * position comes from SnakeYAML's marks instead, the one that points at the fault.
 */
final class YamlSyntax {
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

  private YamlSyntax() {}

  static ConfigException error(String file, JsonProcessingException e) {
    MarkedYAMLException yaml = markedCause(e);
    if (yaml != null) {
      return describe(file, yaml);
    }
    JsonLocation at = e.getLocation();
    Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
    if (duplicate.find() && at != null) {
      String key = duplicate.group(1);
      return at(file, at.getLineNr(), keyColumn(file, at.getLineNr(), key, at.getColumnNr()),
          "key '" + key + "' is given twice in the same mapping: keep one");
    }
    String what = firstLine(e.getOriginalMessage());
    return at == null ? new ConfigException("config " + file + ": " + what)
        : at(file, at.getLineNr(), at.getColumnNr(), what);
  }

  /** Jackson points past a duplicate key; the line's text says where the key starts. */
  private static long keyColumn(String file, int line, String key, int fallback) {
    try (var lines = Files.lines(Path.of(file))) {
      int i = lines.skip(line - 1L).findFirst().map(l -> l.indexOf(key)).orElse(-1);
      return i < 0 ? fallback : i + 1;
    } catch (IOException | UncheckedIOException e) {
      return fallback;
    }
  }

  private static ConfigException describe(String file, MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    Mark problemAt = e.getProblemMark();
    Mark contextAt = e.getContextMark();
    if (problem.contains("(TAB)")) {
      return at(file, problemAt,
          "a tab character indents this line: YAML indents with spaces only");
    }
    if (problem.startsWith("expected <block end>")) {
      return at(file, problemAt, "the indentation lines up with no key above this line:"
          + " indent it with spaces like the keys it belongs with");
    }
    if (problem.startsWith("mapping values are not allowed")) {
      return at(file, problemAt, "unexpected ':': this line is indented deeper than the key"
          + " above it, or a value holds ': ' and needs quotes");
    }
    if (context.contains("quoted scalar") && contextAt != null) {
      return at(file, contextAt, "the quoted value that starts here is never closed: add its"
          + " closing quote");
    }
    if (context.contains("flow sequence") && contextAt != null) {
      return at(file, contextAt, "the '[' here is not closed: add ']' (or quote a value that"
          + " starts with '[')");
    }
    if (context.contains("flow mapping") && contextAt != null) {
      return at(file, contextAt, "the '{' here is not closed: add '}' (or quote a value that"
          + " starts with '{')");
    }
    Mark where = problemAt != null ? problemAt : contextAt;
    String what = firstLine(problem.isEmpty() ? context : problem);
    return where == null ? new ConfigException("config " + file + ": " + what)
        : at(file, where, what);
  }

  private static ConfigException at(String file, Mark mark, String what) {
    return at(file, mark.getLine() + 1, mark.getColumn() + 1, what); // marks count from 0
  }

  private static ConfigException at(String file, long line, long column, String what) {
    return new ConfigException("config " + file + " line " + line + ", column " + column + ": "
        + what);
  }

  private static MarkedYAMLException markedCause(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof MarkedYAMLException m) {
        return m;
      }
    }
    return null;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
