package io.rebalancer.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** A date as its epoch day: small and deterministic. */
final class LocalDateCoder extends AtomicCoder<LocalDate> {
  static final LocalDateCoder INSTANCE = new LocalDateCoder();

  @Override
  public void encode(LocalDate value, OutputStream out) throws IOException {
    VarLongCoder.of().encode(value.toEpochDay(), out);
  }

  @Override
  public LocalDate decode(InputStream in) throws IOException {
    return LocalDate.ofEpochDay(VarLongCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
