package io.rebalancer.transforms;

import java.time.LocalTime;

/** A time of day as its nanosecond of the day. */
final class LocalTimeCoder extends VarLongMappedCoder<LocalTime> {
  static final LocalTimeCoder INSTANCE = new LocalTimeCoder();

  @Override
  long toLong(LocalTime value) {
    return value.toNanoOfDay();
  }

  @Override
  LocalTime fromLong(long value) {
    return LocalTime.ofNanoOfDay(value);
  }
}
