package io.hanse.oms.api.channel;

import io.hanse.oms.api.order.OrderSubmission;
import java.util.List;

/**
 * What an inbound message asks of the OMS.
 *
 * @param kind place (or confirm) an order, cancel one, or nothing
 * @param externalId the channel's order id
 * @param submission the order as mapped, for {@link Kind#PLACE}
 * @param problems what could not be mapped (unknown SKU, totals that don't add up, missing
 *     address): the order is taken on hold with these as its reason
 * @param note for {@link Kind#IGNORE} and {@link Kind#CANCEL}: why
 */
public record ChannelAction(
    Kind kind, String externalId, OrderSubmission submission, List<String> problems, String note) {

  /** The kinds of request a channel makes. */
  public enum Kind {
    PLACE,
    CANCEL,
    IGNORE
  }

  public ChannelAction {
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  public static ChannelAction place(OrderSubmission submission, List<String> problems) {
    return new ChannelAction(Kind.PLACE, submission.externalId(), submission, problems, null);
  }

  public static ChannelAction cancel(String externalId, String reason) {
    return new ChannelAction(Kind.CANCEL, externalId, null, List.of(), reason);
  }

  public static ChannelAction ignore(String externalId, String why) {
    return new ChannelAction(Kind.IGNORE, externalId, null, List.of(), why);
  }
}
