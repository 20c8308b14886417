package io.hanse.oms.api.channel;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * One configured instance of a sales channel (one Shopify shop, one WooCommerce site), registered
 * as an OSGi service with the properties {@link #NAME} and {@link #CONNECTOR}. A connector holds
 * only its platform's mapping and calls; the core stores, deduplicates, places and pushes.
 *
 * <p>Implementations must be thread-safe: webhooks arrive concurrently and pushes run on the core's
 * threads.
 */
public interface ChannelConnector {

  /** Service property: the instance name, unique over all connectors, used in webhook URLs. */
  String NAME = "oms.channel";

  /** Service property: the connector kind, e.g. {@code shopify}. */
  String CONNECTOR = "oms.channel.connector";

  /** The instance name: {@code [a-z0-9-]}, also the {@code channel} of the orders it takes. */
  String name();

  /** The connector kind, e.g. {@code shopify}. */
  String connector();

  /** Departments whose stock this channel sells ({@code web}, {@code store}, {@code catalog}). */
  Set<String> departments();

  /** Why this instance cannot work as configured (a missing secret), or {@code null}. */
  default String configurationProblem() {
    return null;
  }

  /**
   * Checks that a webhook comes from the platform (its signature over the raw body) and names the
   * delivery. Called before anything is stored.
   *
   * @throws WebhookRejectedException when the signature or a required header is missing or wrong
   */
  InboundMessage verify(WebhookRequest request);

  /**
   * Splits a verified message that carries several (a POS terminal's offline batch) into messages
   * the inbox stores and acts on one by one, each with its own delivery id.
   */
  default List<InboundMessage> split(InboundMessage message) {
    return List.of(message);
  }

  /**
   * What a stored message asks of the OMS. Must not throw for content it cannot map: report
   * problems on the action instead, so the order is held rather than dropped.
   */
  ChannelAction map(InboundMessage message);

  /**
   * Sets the quantities the channel may sell. Called with batches of changed SKUs; SKUs the
   * platform does not list are skipped by the connector.
   *
   * @throws IOException when the platform could not be reached or refused; the core retries
   */
  void pushAvailability(List<Availability> levels) throws IOException;

  /** Tells the platform that an order shipped, with carrier and tracking number. */
  void orderShipped(ChannelShipment shipment) throws IOException;

  /** Tells the platform that the OMS cancelled an order. */
  void orderCancelled(String externalId, String reason) throws IOException;
}
