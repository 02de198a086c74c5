package io.rebalancer.transforms;

import io.rebalancer.core.PriceBook;
import io.rebalancer.core.PriceSeries;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;

/** The price history as its list of series, in symbol order. */
final class PriceBookCoder extends AtomicCoder<PriceBook> {
  static final PriceBookCoder INSTANCE = new PriceBookCoder();
  private static final Coder<java.util.List<PriceSeries>> SERIES =
      ListCoder.of(RecordCoder.of(PriceSeries.class));

  @Override
  public void encode(PriceBook value, OutputStream out) throws IOException {
    SERIES.encode(value.series(), out);
  }

  @Override
  public PriceBook decode(InputStream in) throws IOException {
    return new PriceBook(SERIES.decode(in));
  }
}
