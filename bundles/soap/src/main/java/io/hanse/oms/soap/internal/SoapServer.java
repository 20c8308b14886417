package io.hanse.oms.soap.internal;

import io.hanse.oms.api.catalog.CatalogService;
import io.hanse.oms.api.inventory.InventoryService;
import io.hanse.oms.api.order.OrderService;
import io.hanse.oms.api.payment.CardVault;
import io.hanse.oms.api.payment.GiftCardService;
import io.hanse.oms.api.payment.PaymentService;
import io.hanse.oms.api.returns.ReturnService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.interceptor.security.JAASLoginInterceptor;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the order, inventory, catalog and payment services on CXF's servlet, each behind a
 * WS-Security UsernameToken checked against the JAAS realm and the roles its operations declare,
 * and a limit on the size of requests. The card vault and gift cards are plugins: they are bound
 * dynamically, so installing or removing one never republishes the services.
 */
@Component(
    immediate = true,
    configurationPid = "io.hanse.oms.soap",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SoapConfig.class)
public class SoapServer {
  private static final Logger LOG = LoggerFactory.getLogger(SoapServer.class);
  private static final String KARAF_ROLE = "org.apache.karaf.jaas.boot.principal.RolePrincipal";

  private final Map<String, Object> endpoints;
  private final List<Server> servers = new ArrayList<>();

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile CardVault vault;

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile GiftCardService giftCards;

  @Activate
  public SoapServer(
      @Reference OrderService orders,
      @Reference InventoryService inventory,
      @Reference CatalogService catalog,
      @Reference PaymentService payments,
      @Reference ReturnService returns) {
    this.endpoints =
        Map.of(
            "OrderService", new OrderEndpoint(orders),
            "InventoryService", new InventoryEndpoint(inventory),
            "CatalogService", new CatalogEndpoint(catalog),
            "PaymentService",
                new PaymentEndpoint(payments, returns, orders, () -> vault, () -> giftCards));
  }

  @Activate
  @Modified
  void start(SoapConfig config) {
    stop();
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(SoapServer.class.getClassLoader());
    try {
      endpoints.forEach((name, endpoint) -> servers.add(publish(config, name, endpoint)));
    } catch (RuntimeException e) {
      stop(); // DS does not deactivate what failed to activate: take down what was published
      throw e;
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
    LOG.info(
        "SOAP services at {}/OrderService, /InventoryService, /CatalogService, /PaymentService",
        config.address());
  }

  private static Server publish(SoapConfig config, String name, Object endpoint) {
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setAddress(config.address() + "/" + name);
    factory.setServiceBean(endpoint);
    // the published contract is the committed WSDL, not whatever the classes would generate
    factory.setWsdlLocation(SoapServer.class.getResource("/wsdl/" + name + ".wsdl").toString());
    factory.getInInterceptors().add(new BodyLimitInterceptor(config.maxBodyBytes()));
    factory.getInInterceptors().add(new UsernameTokenInterceptor());
    JAASLoginInterceptor login = new JAASLoginInterceptor();
    login.setContextName(config.realm());
    login.setRoleClassifier(KARAF_ROLE);
    login.setRoleClassifierType(JAASLoginInterceptor.ROLE_CLASSIFIER_CLASS_NAME);
    login.setReportFault(true);
    factory.getInInterceptors().add(login);
    factory.getInInterceptors().add(new RolesInterceptor());
    factory.getOutFaultInterceptors().add(new FaultStatus());
    return factory.create();
  }

  @Deactivate
  void stop() {
    servers.forEach(Server::destroy);
    servers.clear();
  }
}
