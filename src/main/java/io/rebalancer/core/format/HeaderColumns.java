package io.rebalancer.core.format;

import java.util.List;
import java.util.Locale;

/**
 * Finds columns by meaning, not position: header names are compared with case, spaces and
 * punctuation removed, against a list of names each export has used over the years.
 */
public final class HeaderColumns {
  private final List<String> normalized;

  public HeaderColumns(List<String> header) {
    normalized = header.stream().map(HeaderColumns::normalize).toList();
  }

  /** The index of the first column whose name is one of the aliases (first alias wins), or -1. */
  public int find(String... aliases) {
    for (String alias : aliases) {
      int i = normalized.indexOf(normalize(alias));
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the next column after index with the same name (normalized), or -1. */
  public int findAfter(int index, String name) {
    String n = normalize(name);
    for (int i = index + 1; i < normalized.size(); i++) {
      if (normalized.get(i).equals(n)) {
        return i;
      }
    }
    return -1;
  }

  public int size() {
    return normalized.size();
  }

  public static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
