package io.hanse.oms.api.channel;

import io.hanse.oms.api.OmsException;

/** A webhook whose signature or required headers are missing or wrong; nothing was stored. */
public class WebhookRejectedException extends OmsException {
  private static final long serialVersionUID = 1L;

  public WebhookRejectedException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return "webhook-rejected";
  }
}
