package io.hanse.oms.api.channel;

import io.hanse.oms.api.OmsException;

/**
 * No connector serves this channel right now (not installed, being upgraded, or misconfigured).
 * Nothing was stored; the sender should retry later.
 */
public class ChannelUnavailableException extends OmsException {
  private static final long serialVersionUID = 1L;

  public ChannelUnavailableException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return "channel-unavailable";
  }
}
