package io.rebalancer.config;

import java.util.Objects;

/**
 * One brokerage source of the config.
 *
 * @param id the source's id: its counts, rejected rows and files are under it
 * @param brokerage the brokerage id every holding from this source carries: the id, unless two
 *     sources read the same brokerage (then an account in both is in two files, and fails)
 * @param uri a path (absolute once validated), a glob, or an http(s) URL
 * @param format a built-in layout or a name under `formats:`
 * @param account the account id for files that do not carry one; null otherwise
 * @param fetch how a URL is fetched: attempts, the delay between them, each one's timeout
 */
public record SourceConfig(String id, String brokerage, String uri, String format,
    String account, FetchPolicy fetch) {
  public SourceConfig {
    Objects.requireNonNull(fetch, "fetch");
  }

  /** A source fetched as {@link FetchPolicy#DEFAULT} says, should its uri be a URL. */
  public SourceConfig(String id, String brokerage, String uri, String format, String account) {
    this(id, brokerage, uri, format, account, FetchPolicy.DEFAULT);
  }

  /** A source whose brokerage id is its own id. */
  public SourceConfig(String id, String uri, String format, String account) {
    this(id, id, uri, format, account);
  }

  public boolean isUrl() {
    return uri.startsWith("http://") || uri.startsWith("https://");
  }
}
