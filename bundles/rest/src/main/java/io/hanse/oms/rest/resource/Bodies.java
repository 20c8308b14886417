package io.hanse.oms.rest.resource;

import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.ValidationException;
import java.util.List;

/** Small request bodies of the API that no api type describes. */
final class Bodies {
  private Bodies() {}

  /** {@code {"reason": "..."}} for cancel and hold. */
  record Reason(String reason) {}

  /** {@code {"quantity": n}} for safety stock. */
  record Quantity(int quantity) {}

  /** {@code {"text": "..."}} for a customer note. */
  record Note(String text) {}

  /** {@code {"lines": [{"sku","quantity"}]}} for a purchase-order receipt. */
  record Receipt(List<SkuQuantity> lines) {}

  static <T> T required(T body) {
    if (body == null) {
      throw new ValidationException("a JSON body is required");
    }
    return body;
  }
}
