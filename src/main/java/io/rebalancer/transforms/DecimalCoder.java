package io.rebalancer.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.coders.AtomicCoder;

/**
 * An exact decimal as its scale and unscaled digits, as Beam's BigDecimalCoder writes it. Ours
 * because Beam's formats a message string on every value it encodes (for a null check), which
 * was the largest single cost of moving holdings between steps.
 */
final class DecimalCoder extends AtomicCoder<BigDecimal> {
  static final DecimalCoder INSTANCE = new DecimalCoder();

  @Override
  public void encode(BigDecimal value, OutputStream out) throws IOException {
    VarInt.encode(value.scale(), out);
    byte[] digits = value.unscaledValue().toByteArray();
    VarInt.encode(digits.length, out);
    out.write(digits);
  }

  @Override
  public BigDecimal decode(InputStream in) throws IOException {
    int scale = VarInt.decodeInt(in);
    byte[] digits = new byte[VarInt.decodeInt(in)];
    int read = 0;
    while (read < digits.length) {
      int n = in.read(digits, read, digits.length - read);
      if (n < 0) {
        throw new java.io.EOFException("a decimal ended early");
      }
      read += n;
    }
    return new BigDecimal(new BigInteger(digits), scale);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true; // equal BigDecimals have equal scale and digits, so equal encodings
  }
}
