package io.hanse.oms.soap.internal;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.catalog.ProductSpec;
import io.hanse.oms.soap.ws.catalog.CatalogService;
import io.hanse.oms.soap.ws.catalog.Product;
import io.hanse.oms.soap.ws.fault.ServiceFault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.jws.WebService;

/** The SOAP face of the core's catalog service. */
@WebService(
    serviceName = "CatalogService",
    portName = "CatalogPort",
    targetNamespace = CatalogService.NAMESPACE,
    endpointInterface = "io.hanse.oms.soap.ws.catalog.CatalogService")
public class CatalogEndpoint extends Caller implements CatalogService {
  private final io.hanse.oms.api.catalog.CatalogService catalog;

  public CatalogEndpoint(io.hanse.oms.api.catalog.CatalogService catalog) {
    this.catalog = catalog;
  }

  @Override
  public Product getProduct(String sku) throws ServiceFault {
    return Faults.call(() -> toSoap(catalog.getProduct(sku)));
  }

  @Override
  public Product upsertProduct(Product product) throws ServiceFault {
    if (product == null) {
      throw Faults.invalid("product is required");
    }
    if (product.price == null || product.currency == null) {
      throw Faults.invalid("price and currency are required");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    product.attributes.forEach(a -> attributes.put(a.name, a.value));
    List<SkuQuantity> components =
        product.components.stream().map(c -> new SkuQuantity(c.sku, c.quantity)).toList();
    return Faults.call(
        () ->
            toSoap(
                catalog.putProduct(
                    product.sku,
                    new ProductSpec(
                        product.name,
                        new Money(product.price, product.currency),
                        product.style,
                        attributes,
                        components,
                        product.backorderable,
                        product.personalizationTemplate))));
  }

  private static Product toSoap(io.hanse.oms.api.catalog.Product p) {
    Product s = new Product();
    s.sku = p.sku();
    s.name = p.name();
    s.price = p.price().amount();
    s.currency = p.price().currency();
    s.style = p.style();
    p.attributes()
        .forEach(
            (name, value) -> {
              Product.Attribute a = new Product.Attribute();
              a.name = name;
              a.value = value;
              s.attributes.add(a);
            });
    p.components()
        .forEach(
            c -> {
              Product.Component component = new Product.Component();
              component.sku = c.sku();
              component.quantity = c.quantity();
              s.components.add(component);
            });
    s.backorderable = p.backorderable();
    s.personalizationTemplate = p.personalizationTemplate();
    return s;
  }
}
