package io.hanse.oms.api.channel;

import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.order.OrderSubmission;
import java.util.List;

/**
 * What an inbound message asks of the OMS.
 *
 * @param kind place (or confirm) an order, record a store sale or return, cancel, or nothing
 * @param externalId the channel's order (or sale, or return) id
 * @param submission the order as mapped, for {@link Kind#PLACE} and {@link Kind#SALE}
 * @param problems what could not be mapped (unknown SKU, totals that don't add up, missing
 *     address): the order is taken on hold with these as its reason
 * @param note for {@link Kind#IGNORE}, {@link Kind#CANCEL} and {@link Kind#RETURN}: why
 * @param location for {@link Kind#SALE} and {@link Kind#RETURN}: the store's location
 * @param returned for {@link Kind#RETURN}: what came back
 */
public record ChannelAction(
    Kind kind,
    String externalId,
    OrderSubmission submission,
    List<String> problems,
    String note,
    String location,
    List<SkuQuantity> returned) {

  /**
   * Starts a problem that the channel itself lifts: an order not yet paid (WooCommerce's on-hold)
   * is taken on hold, its stock reserved, and released when the channel later sends it as paid.
   */
  public static final String AWAITING_PAYMENT = "awaiting payment";

  /** The kinds of request a channel makes. */
  public enum Kind {
    PLACE,
    SALE,
    RETURN,
    CANCEL,
    IGNORE
  }

  public ChannelAction {
    problems = problems == null ? List.of() : List.copyOf(problems);
    returned = returned == null ? List.of() : List.copyOf(returned);
  }

  public static ChannelAction place(OrderSubmission submission, List<String> problems) {
    return new ChannelAction(
        Kind.PLACE, submission.externalId(), submission, problems, null, null, null);
  }

  /** A sale completed at a store: paid there, the goods gone with the customer. */
  public static ChannelAction sale(OrderSubmission submission, String location) {
    return new ChannelAction(
        Kind.SALE, submission.externalId(), submission, List.of(), null, location, null);
  }

  /** Goods brought back to a store, back into its stock. */
  public static ChannelAction returned(
      String returnId, String location, List<SkuQuantity> lines, String note) {
    return new ChannelAction(Kind.RETURN, returnId, null, List.of(), note, location, lines);
  }

  public static ChannelAction cancel(String externalId, String reason) {
    return new ChannelAction(Kind.CANCEL, externalId, null, List.of(), reason, null, null);
  }

  public static ChannelAction ignore(String externalId, String why) {
    return new ChannelAction(Kind.IGNORE, externalId, null, List.of(), why, null, null);
  }
}
