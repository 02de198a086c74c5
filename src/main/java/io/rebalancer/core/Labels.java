package io.rebalancer.core;

import java.util.StringJoiner;
import java.util.function.Function;

/** The words an enum of the input files accepts, listed for an error line. */
final class Labels {
  private Labels() {}

  static <E> String of(E[] values, Function<E, String> label) {
    StringJoiner out = new StringJoiner(", ");
    for (E v : values) {
      out.add(label.apply(v));
    }
    return out.toString();
  }
}
