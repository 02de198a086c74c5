package io.rebalancer.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** A YAML mapping read key by key, every error naming the file and the full key path. */
final class ConfigNode {
  private final String file;
  private final String path;
  private final JsonNode node;
  /** What the keys' errors are about ("source B3"), after the key; null: the key says it all. */
  private final String subject;

  ConfigNode(String file, String path, JsonNode node) {
    this(file, path, node, null);
  }

  private ConfigNode(String file, String path, JsonNode node, String subject) {
    this.file = file;
    this.path = path;
    this.node = node;
    this.subject = subject;
    if (node != null && !node.isObject()) {
      throw error(path.isEmpty() ? "the config" : path, "expected a mapping of keys");
    }
  }

  ConfigException error(String key, String problem) {
    return new ConfigException(file + ": " + key + ": "
        + (subject == null ? "" : subject + ": ") + problem);
  }

  /**
   * The same mapping, its errors naming what it configures after the key, as a source's do:
   * "sources[2].retries: source B3: ...", where the index alone would send the reader counting.
   */
  ConfigNode about(String what) {
    return new ConfigNode(file, path, node, what);
  }

  String keyPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  void allowOnly(Set<String> allowed) {
    if (node == null) {
      return;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw error(keyPath(name), "unknown key (allowed: " + String.join(", ", allowed.stream()
            .sorted().toList()) + ")");
      }
    }
  }

  private JsonNode value(String key) {
    JsonNode v = node == null ? null : node.get(key);
    return v == null || v.isNull() ? null : v;
  }

  boolean has(String key) {
    return value(key) != null;
  }

  String string(String key, String fallback) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (v.isNumber()) {
      // YAML reads 0012345 as the octal number 5349 and 1234.50 as 1234.5: an id would change.
      throw error(keyPath(key), "a number where text is expected: put it in quotes, as written"
          + " in the file");
    }
    if (!v.isTextual()) {
      throw error(keyPath(key), "expected a text value, got " + describe(v));
    }
    return v.asText();
  }

  String requiredString(String key) {
    String s = string(key, null);
    if (s == null || s.isBlank()) {
      throw error(keyPath(key), "is required");
    }
    return s;
  }

  BigDecimal decimal(String key, BigDecimal fallback, BigDecimal min) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw error(keyPath(key), "expected a number, got " + describe(v));
    }
    BigDecimal d = v.decimalValue();
    if (d.compareTo(min) < 0) {
      throw error(keyPath(key), "must be at least " + min.toPlainString() + ", got " + d);
    }
    return d;
  }

  long integer(String key, long fallback, long min, long max) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isIntegralNumber()) {
      throw error(keyPath(key), "expected a whole number, got " + describe(v));
    }
    long n = v.asLong();
    if (n < min || n > max) {
      throw error(keyPath(key), "must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  /** A duration written as Durations reads it (500ms, 30s, 5m), within [min, max]. */
  Duration duration(String key, Duration fallback, Duration min, Duration max) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    // A bare number has no unit to read it in: 30 could be seconds or milliseconds.
    Duration d = v.isTextual() ? Durations.parse(v.asText()) : null;
    if (d == null) {
      throw error(keyPath(key), describe(v) + " is not a duration such as "
          + Durations.EXAMPLES);
    }
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw error(keyPath(key), "must be between " + Durations.written(min) + " and "
          + Durations.written(max) + ", got " + v.asText());
    }
    return d;
  }

  boolean bool(String key, boolean fallback) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw error(keyPath(key), "expected true or false, got " + describe(v));
    }
    return v.booleanValue();
  }

  List<String> strings(String key) {
    JsonNode v = value(key);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      throw error(keyPath(key), "expected a list, got " + describe(v));
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      if (!item.isTextual() || item.asText().isBlank()) {
        throw error(keyPath(key) + "[" + i + "]", "expected a text value, got " + describe(item));
      }
      out.add(item.asText());
    }
    return out;
  }

  /** The mapping under a key (absent: an empty one). */
  ConfigNode child(String key) {
    return new ConfigNode(file, keyPath(key), value(key));
  }

  /** The mappings of a list under a key. */
  List<ConfigNode> children(String key) {
    JsonNode v = value(key);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw error(keyPath(key), "expected a list, got " + describe(v));
    }
    List<ConfigNode> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      out.add(new ConfigNode(file, keyPath(key) + "[" + i + "]", v.get(i)));
    }
    return out;
  }

  /** The keys of this mapping, in file order. */
  Iterator<String> keys() {
    return node == null ? java.util.Collections.emptyIterator() : node.fieldNames();
  }

  String path() {
    return path;
  }

  boolean isEmpty() {
    return node == null || node.isEmpty();
  }

  private static String describe(JsonNode v) {
    if (v.isObject()) {
      return "a mapping";
    }
    if (v.isArray()) {
      return "a list";
    }
    return "'" + v.asText() + "'";
  }
}
