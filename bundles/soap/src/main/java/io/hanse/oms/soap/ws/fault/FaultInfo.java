package io.hanse.oms.soap.ws.fault;

import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/**
 * Why an operation was refused: a stable {@code code} for programs (the same as the REST problem
 * types: invalid-request, not-found, conflict, insufficient-stock, idempotency-key-reused; and
 * unavailable for a plugin that is not installed or a gateway that did not answer), a message for
 * people, and the individual errors where there are several.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "faultInfo")
public class FaultInfo {
  public String code;
  public String message;
  public List<String> errors = new ArrayList<>();

  public FaultInfo() {}

  public FaultInfo(String code, String message, List<String> errors) {
    this.code = code;
    this.message = message;
    this.errors = new ArrayList<>(errors);
  }
}
