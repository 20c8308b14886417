package io.hanse.oms.soap.internal;

import io.hanse.oms.api.inventory.StockAdjustment;
import io.hanse.oms.api.inventory.StockSummary;
import io.hanse.oms.soap.ws.fault.ServiceFault;
import io.hanse.oms.soap.ws.inventory.InventoryService;
import io.hanse.oms.soap.ws.inventory.LocationStock;
import io.hanse.oms.soap.ws.inventory.Stock;
import javax.jws.WebService;

/** The SOAP face of the core's inventory service. */
@WebService(
    serviceName = "InventoryService",
    portName = "InventoryPort",
    targetNamespace = InventoryService.NAMESPACE,
    endpointInterface = "io.hanse.oms.soap.ws.inventory.InventoryService")
public class InventoryEndpoint extends Caller implements InventoryService {
  private final io.hanse.oms.api.inventory.InventoryService inventory;

  public InventoryEndpoint(io.hanse.oms.api.inventory.InventoryService inventory) {
    this.inventory = inventory;
  }

  @Override
  public Stock getStock(String sku, String department) throws ServiceFault {
    return Faults.call(
        () ->
            toSoap(
                inventory.stock(
                    sku, department == null || department.isBlank() ? null : department)));
  }

  @Override
  public LocationStock adjustStock(String sku, String location, int quantity, String reason)
      throws ServiceFault {
    return Faults.call(
        () ->
            toSoap(inventory.adjust(new StockAdjustment(sku, location, quantity, reason), user())));
  }

  private static Stock toSoap(StockSummary summary) {
    Stock s = new Stock();
    s.sku = summary.sku();
    s.onHand = summary.onHand();
    s.reserved = summary.reserved();
    s.available = summary.available();
    summary.locations().forEach(l -> s.locations.add(toSoap(l)));
    return s;
  }

  private static LocationStock toSoap(io.hanse.oms.api.inventory.LocationStock l) {
    LocationStock s = new LocationStock();
    s.location = l.location();
    s.onHand = l.onHand();
    s.reserved = l.reserved();
    s.available = l.available();
    s.safetyStock = l.safetyStock();
    return s;
  }
}
