package io.hanse.oms.api.channel;

import io.hanse.oms.api.NotFoundException;
import java.util.List;

/**
 * Every inbound channel message goes through here: verified by its connector, stored before
 * anything is acted on, deduplicated by delivery id and by (channel, external order id), then
 * placed, held with its problems, or cancelled.
 */
public interface ChannelInbox {

  /**
   * Takes a webhook for channel instance {@code channel}.
   *
   * @throws ChannelUnavailableException when no connector serves that name; nothing is stored
   * @throws WebhookRejectedException when the connector rejects the signature; nothing is stored
   */
  WebhookResult receive(String channel, WebhookRequest request);

  /**
   * Takes a message a connector fetched itself (polling connectors).
   *
   * @throws ChannelUnavailableException when no connector serves that name
   */
  WebhookResult accept(String channel, InboundMessage message);

  /** Whether a message with this delivery id was received (and acted on) already. */
  boolean known(String channel, String deliveryId);

  /** Newest entries first; {@code channel} and {@code outcome} may be {@code null} for all. */
  List<InboxEntry> entries(String channel, InboxOutcome outcome, int limit);

  /**
   * One entry with its body.
   *
   * @throws NotFoundException for an unknown id
   */
  InboxEntry entry(long id);

  /**
   * Acts on a stored message again (after a connector or the catalog was fixed). An order already
   * taken is not taken twice.
   *
   * @throws NotFoundException for an unknown id
   * @throws ChannelUnavailableException when its connector is not installed
   */
  WebhookResult replay(long id, String user);
}
