package io.rebalancer.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves a source's uri: local paths and globs become absolute and must match a file. */
final class SourcePaths {
  private SourcePaths() {}

  static String resolve(ConfigNode source, String id, String uri) {
    if (uri.startsWith("http://") || uri.startsWith("https://")) {
      return uri; // reachability is checked (with retries) when the source is read
    }
    String key = source.keyPath("uri");
    Path path = Path.of(uri).toAbsolutePath().normalize();
    if (!isGlob(path.getFileName().toString())) {
      if (isGlob(path.toString())) {
        throw source.error(key, "source " + id + ": a glob may only be in the file name: " + uri);
      }
      if (!Files.isRegularFile(path)) {
        throw source.error(key, "source " + id + ": no such file: " + uri);
      }
      return path.toString();
    }
    Path dir = path.getParent();
    if (isGlob(dir.toString())) {
      throw source.error(key, "source " + id + ": a glob may only be in the file name: " + uri);
    }
    try (DirectoryStream<Path> matches =
        Files.newDirectoryStream(dir, path.getFileName().toString())) {
      for (Path m : matches) {
        if (Files.isRegularFile(m)) {
          return path.toString();
        }
      }
    } catch (IOException e) {
      throw source.error(key, "source " + id + ": cannot list " + dir + ": " + e.getMessage());
    }
    throw source.error(key, "source " + id + ": no file matches " + uri);
  }

  static boolean isGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0
        || s.indexOf('{') >= 0;
  }
}
