package io.rebalancer.core.format;

/**
 * One file of a configured source.
 *
 * @param brokerageId the brokerage id its holdings carry (the source's id unless configured)
 * @param account the account id to use when the file carries none (the source's `account:`), or null
 */
public record SourceFile(String sourceId, String brokerageId, String uri, String account) {
  /** A file of a source whose brokerage id is its own id. */
  public SourceFile(String sourceId, String uri, String account) {
    this(sourceId, sourceId, uri, account);
  }
}
