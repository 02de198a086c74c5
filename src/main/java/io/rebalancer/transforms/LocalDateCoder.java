package io.rebalancer.transforms;

import java.time.LocalDate;

/** A date as its epoch day. */
final class LocalDateCoder extends VarLongMappedCoder<LocalDate> {
  static final LocalDateCoder INSTANCE = new LocalDateCoder();

  @Override
  long toLong(LocalDate value) {
    return value.toEpochDay();
  }

  @Override
  LocalDate fromLong(long value) {
    return LocalDate.ofEpochDay(value);
  }
}
