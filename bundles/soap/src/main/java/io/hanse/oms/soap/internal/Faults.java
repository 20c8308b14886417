package io.hanse.oms.soap.internal;

import io.hanse.oms.api.InsufficientStockException;
import io.hanse.oms.api.OmsException;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.payment.PaymentUnavailableException;
import io.hanse.oms.soap.ws.fault.FaultInfo;
import io.hanse.oms.soap.ws.fault.ServiceFault;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an operation and turns what the core refuses into a {@link ServiceFault} with the same code
 * REST uses; anything unexpected becomes {@code internal-error} with an id in the log, never a
 * stack trace for the caller. A plugin that is not installed, or a gateway that did not answer, is
 * {@code unavailable}: try again later.
 */
final class Faults {
  private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

  /** An operation that may be refused. */
  @FunctionalInterface
  interface Operation<T> {
    T run();
  }

  private Faults() {}

  static <T> T call(Operation<T> operation) throws ServiceFault {
    try {
      return operation.run();
    } catch (OmsException e) {
      throw fault(e.code(), e.getMessage(), details(e));
    } catch (PaymentUnavailableException e) {
      // its message may quote a gateway's or database's answer: neither logged nor passed on
      LOG.warn("SOAP operation refused: a payment gateway did not answer");
      throw fault("unavailable", "a payment gateway did not answer; try again later", List.of());
    } catch (IllegalArgumentException e) {
      // e.g. a missing id; the message may name internals, so it goes to the log only
      LOG.debug("SOAP request refused", e);
      throw fault("invalid-request", "invalid request", List.of());
    } catch (RuntimeException e) {
      String id = UUID.randomUUID().toString();
      LOG.error("SOAP operation failed, error id {}", id, e);
      throw fault("internal-error", "the error was logged with id " + id, List.of());
    }
  }

  static ServiceFault invalid(String message) {
    return fault("invalid-request", message, List.of(message));
  }

  /** A plugin's service that is not there: {@code feature} names what to install. */
  static ServiceFault unavailable(String feature) {
    String message = "this needs the " + feature + " feature, which is not installed";
    return fault("unavailable", message, List.of(message));
  }

  private static List<String> details(OmsException e) {
    if (e instanceof ValidationException v) {
      return v.errors();
    }
    if (e instanceof InsufficientStockException s) {
      return s.shortages().stream()
          .map(x -> x.sku() + " requested " + x.requested() + ", available " + x.available())
          .toList();
    }
    return List.of();
  }

  private static ServiceFault fault(String code, String message, List<String> errors) {
    return new ServiceFault(message, new FaultInfo(code, message, errors));
  }
}
