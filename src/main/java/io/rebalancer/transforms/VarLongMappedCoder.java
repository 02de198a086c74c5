package io.rebalancer.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** A value that is one long (a date's epoch day, a time's nanosecond): small and deterministic. */
abstract class VarLongMappedCoder<T> extends AtomicCoder<T> {
  abstract long toLong(T value);

  abstract T fromLong(long value);

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    VarLongCoder.of().encode(toLong(value), out);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    return fromLong(VarLongCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
