package io.rebalancer.transforms;

import io.rebalancer.io.FullDisk;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.beam.sdk.io.FileIO;

/**
 * Writes a staged table file's lines, one per line. Not TextIO.sink(): it writes through a
 * PrintWriter and never asks it for errors, so a write the file system refuses (a full disk) is
 * dropped without a word and the table is staged short. Here a failed write fails the bundle,
 * and a full disk says which output folder is full.
 */
final class TableFileSink implements FileIO.Sink<String> {
  private final String outputDir;
  private transient Writer writer;

  TableFileSink(Path outputDir) {
    this.outputDir = outputDir.toString();
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
        StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public void write(String line) throws IOException {
    try {
      writer.write(line);
      writer.write('\n');
    } catch (IOException e) {
      throw full(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      writer.flush();
    } catch (IOException e) {
      throw full(e);
    }
  }

  private IOException full(IOException e) {
    FullDisk.ofOutputFolder(e, Path.of(outputDir), "the staged warehouse tables");
    return e;
  }
}
