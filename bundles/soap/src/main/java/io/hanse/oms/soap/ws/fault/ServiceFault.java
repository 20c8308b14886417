package io.hanse.oms.soap.ws.fault;

import javax.xml.ws.WebFault;

/** A refused request; nothing was changed. */
@WebFault(name = "fault", targetNamespace = ServiceFault.NAMESPACE)
public class ServiceFault extends Exception {
  public static final String NAMESPACE = "http://hanse-oms.io/soap/fault/v1";
  private static final long serialVersionUID = 1L;

  private final FaultInfo faultInfo;

  public ServiceFault(String message, FaultInfo faultInfo) {
    super(message);
    this.faultInfo = faultInfo;
  }

  public FaultInfo getFaultInfo() {
    return faultInfo;
  }
}
