package io.hanse.oms.api.channel;

/** What became of an inbound message. */
public enum InboxOutcome {
  /** Stored, not yet acted on (or the server stopped while acting): replay acts on it. */
  RECEIVED,
  /** An order was taken. */
  ACCEPTED,
  /** An order was taken on hold with problems: the problem queue. */
  ON_HOLD,
  /** The order was already there: nothing changed. */
  UNCHANGED,
  /** A store sale or return was recorded and its stock moved. */
  RECORDED,
  /** The channel cancelled the order and the OMS did too. */
  CANCELLED,
  /** Nothing to do for this message. */
  IGNORED,
  /** Could not be acted on at all (the reason says why); replay after fixing. */
  FAILED
}
