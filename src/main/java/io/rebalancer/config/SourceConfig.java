package io.rebalancer.config;

/**
 * One brokerage source of the config.
 *
 * @param id the brokerage id every holding from this source carries
 * @param uri a path (absolute once validated), a glob, or an http(s) URL
 * @param format a built-in layout or a name under `formats:`
 * @param account the account id for files that do not carry one; null otherwise
 */
public record SourceConfig(String id, String uri, String format, String account) {
  public boolean isUrl() {
    return uri.startsWith("http://") || uri.startsWith("https://");
  }
}
