package io.hanse.oms.core.payment;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How orders are paid: {@code etc/io.hanse.oms.payment.cfg}. */
@ObjectClassDefinition(
    name = "Hanse OMS payments",
    description = "Which gateway takes cards, and how long an unpaid order keeps its stock")
public @interface PaymentConfig {

  @AttributeDefinition(
      description =
          "Gateway for card payments with a vault token: simulator (demo and tests) or stripe."
              + " Stripe's own tokens (pm_...) always go to stripe.")
  String cardGateway() default "simulator";

  @AttributeDefinition(
      description =
          "Minutes an order on payment hold (declined, gateway unavailable, check not cleared)"
              + " keeps its reserved stock; then the stock is released and the order is taken"
              + " again when it is paid.")
  int holdMinutes() default 30;

  @AttributeDefinition(description = "Seconds between sweeps for operations a gateway left open")
  int sweepSeconds() default 15;
}
