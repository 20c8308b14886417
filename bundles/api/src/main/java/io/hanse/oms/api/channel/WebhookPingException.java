package io.hanse.oms.api.channel;

import io.hanse.oms.api.OmsException;

/**
 * A platform checking that the webhook address answers (WooCommerce pings a new webhook, unsigned):
 * it is answered with success, and nothing is stored or done.
 */
public class WebhookPingException extends OmsException {
  private static final long serialVersionUID = 1L;

  public WebhookPingException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return "ping";
  }
}
