package io.rebalancer.core;

import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/** The words an enum of the input files accepts, listed for an error line. */
final class Labels {
  private Labels() {}

  /** The value whose label is exactly text (the files' words are lower case, matched as is). */
  static <E> Optional<E> parse(E[] values, Function<E, String> label, String text) {
    for (E v : values) {
      if (label.apply(v).equals(text)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  static <E> String of(E[] values, Function<E, String> label) {
    StringJoiner out = new StringJoiner(", ");
    for (E v : values) {
      out.add(label.apply(v));
    }
    return out.toString();
  }
}
