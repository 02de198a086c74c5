package io.rebalancer.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** An enum by name, so that reordering constants never changes what a stored value means. */
final class EnumCoder<E extends Enum<E>> extends CustomCoder<E> {
  private final Class<E> type;

  private EnumCoder(Class<E> type) {
    this.type = type;
  }

  static <E extends Enum<E>> EnumCoder<E> of(Class<E> type) {
    return new EnumCoder<>(type);
  }

  @Override
  public void encode(E value, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(value.name(), out);
  }

  @Override
  public E decode(InputStream in) throws IOException {
    return Enum.valueOf(type, StringUtf8Coder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean equals(Object o) {
    return o instanceof EnumCoder<?> other && other.type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }
}
