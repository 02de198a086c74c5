package io.rebalancer.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.io.FullDisk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Staged table lines, and a write the file system refuses, which must not be dropped. */
class TableFileSinkTest {
  private static final Path OUT = Path.of("/mnt/small/out");

  @Test
  void writesEachLineWithANewline() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TableFileSink sink = new TableFileSink(OUT);
    sink.open(Channels.newChannel(bytes));
    sink.write("a,1");
    sink.write("b,\"x\"");
    sink.flush();

    assertThat(bytes.toString(StandardCharsets.UTF_8), is("a,1\nb,\"x\"\n"));
  }

  @Test
  void aFullDiskFailsTheWriteNamingTheOutputFolder() throws IOException {
    TableFileSink sink = new TableFileSink(OUT);
    sink.open(new FullChannel());
    sink.write("a,1"); // buffered

    FullDisk full = assertThrows(FullDisk.class, sink::flush);
    assertThat(full.getMessage(), startsWith("the file system of output folder /mnt/small/out"
        + " is full (No space left on device) while writing the staged warehouse tables"));
  }

  /** A channel on a file system with no space left. */
  private static final class FullChannel implements WritableByteChannel {
    @Override
    public int write(ByteBuffer src) throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }
}
