package io.rebalancer.core.format;

/**
 * One file of a configured source.
 *
 * @param account the account id to use when the file carries none (the source's `account:`), or null
 */
public record SourceFile(String sourceId, String uri, String account) {}
