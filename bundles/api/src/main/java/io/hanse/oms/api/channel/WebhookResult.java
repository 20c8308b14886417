package io.hanse.oms.api.channel;

import java.util.List;

/**
 * The answer to one inbound message.
 *
 * @param entryId the inbox entry that holds it
 * @param duplicate whether this delivery had been received before
 * @param parts for a message split into several (a POS batch): each one's result
 */
public record WebhookResult(
    long entryId,
    InboxOutcome outcome,
    String orderId,
    String detail,
    boolean duplicate,
    List<WebhookResult> parts) {

  public WebhookResult {
    parts = parts == null ? List.of() : List.copyOf(parts);
  }

  public WebhookResult(
      long entryId, InboxOutcome outcome, String orderId, String detail, boolean duplicate) {
    this(entryId, outcome, orderId, detail, duplicate, List.of());
  }
}
