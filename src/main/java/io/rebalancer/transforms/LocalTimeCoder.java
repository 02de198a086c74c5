package io.rebalancer.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalTime;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** A time of day as its nanosecond of the day: small and deterministic. */
final class LocalTimeCoder extends AtomicCoder<LocalTime> {
  static final LocalTimeCoder INSTANCE = new LocalTimeCoder();

  @Override
  public void encode(LocalTime value, OutputStream out) throws IOException {
    VarLongCoder.of().encode(value.toNanoOfDay(), out);
  }

  @Override
  public LocalTime decode(InputStream in) throws IOException {
    return LocalTime.ofNanoOfDay(VarLongCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
