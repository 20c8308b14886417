package io.hanse.oms.api.event;

/** Topic names and property keys of the events the core publishes. */
public final class OmsTopics {

  /** All order topics, for a handler that wants every one: {@code io/hanse/oms/order/*}. */
  public static final String ORDER_ALL = "io/hanse/oms/order/*";

  public static final String ORDER_PLACED = "io/hanse/oms/order/PLACED";
  public static final String ORDER_CHANGED = "io/hanse/oms/order/CHANGED";
  public static final String ORDER_SHIPPED = "io/hanse/oms/order/SHIPPED";
  public static final String ORDER_CANCELLED = "io/hanse/oms/order/CANCELLED";

  /** Stock of a SKU changed at a location. */
  public static final String STOCK_CHANGED = "io/hanse/oms/stock/CHANGED";

  /** Every payment event. */
  public static final String PAYMENT_ALL = "io/hanse/oms/payment/*";

  /**
   * A gateway operation of a payment succeeded or failed ({@link #PAYMENT_ID}, {@link #OPERATION},
   * {@link #TENDER}, {@link #AMOUNT}, {@link #CURRENCY}, {@link #STATUS}). Never card data.
   */
  public static final String PAYMENT_CHANGED = "io/hanse/oms/payment/CHANGED";

  /** A return was received: its lines restocked or written off ({@link #RMA_ID}). */
  public static final String RETURN_RECEIVED = "io/hanse/oms/return/RECEIVED";

  /**
   * Unique id of the event; listeners deduplicate by it. A UUID, or {@code <UUID>.<n>} for an event
   * written together with others of its topic (up to about 40 characters).
   */
  public static final String EVENT_ID = "eventId";

  public static final String ORDER_ID = "orderId";
  public static final String CHANNEL = "channel";
  public static final String EXTERNAL_ID = "externalId";
  public static final String STATUS = "status";
  public static final String SKU = "sku";
  public static final String LOCATION = "location";
  public static final String ON_HAND = "onHand";
  public static final String RESERVED = "reserved";
  public static final String TRACKING_NUMBER = "trackingNumber";
  public static final String CARRIER = "carrier";

  /** Who placed the order: a user, or {@code channel:<name>} for a channel connector. */
  public static final String PLACED_BY = "placedBy";

  /** Who made the change the event reports. */
  public static final String USER = "user";

  public static final String REASON = "reason";
  public static final String SHIPMENT_ID = "shipmentId";
  public static final String PAYMENT_ID = "paymentId";
  public static final String OPERATION = "operation";
  public static final String TENDER = "tender";
  public static final String AMOUNT = "amount";
  public static final String CURRENCY = "currency";
  public static final String RMA_ID = "rmaId";

  private OmsTopics() {}
}
