package io.hanse.oms.rest.internal;

import io.hanse.oms.api.catalog.CatalogService;
import io.hanse.oms.api.channel.ChannelAdmin;
import io.hanse.oms.api.channel.ChannelInbox;
import io.hanse.oms.api.customer.CustomerService;
import io.hanse.oms.api.inventory.InventoryService;
import io.hanse.oms.api.inventory.PurchasingService;
import io.hanse.oms.api.order.OrderService;
import io.hanse.oms.api.payment.AccountService;
import io.hanse.oms.api.payment.CardVault;
import io.hanse.oms.api.payment.GiftCardService;
import io.hanse.oms.api.payment.PaymentService;
import io.hanse.oms.api.returns.ReturnService;
import io.hanse.oms.rest.resource.AccountsResource;
import io.hanse.oms.rest.resource.ChannelsResource;
import io.hanse.oms.rest.resource.CustomersResource;
import io.hanse.oms.rest.resource.GiftCardsResource;
import io.hanse.oms.rest.resource.HealthResource;
import io.hanse.oms.rest.resource.LocationsResource;
import io.hanse.oms.rest.resource.OrdersResource;
import io.hanse.oms.rest.resource.PaymentsResource;
import io.hanse.oms.rest.resource.ProductsResource;
import io.hanse.oms.rest.resource.PurchaseOrdersResource;
import io.hanse.oms.rest.resource.ReturnsResource;
import io.hanse.oms.rest.resource.StockResource;
import io.hanse.oms.rest.resource.StylesResource;
import io.hanse.oms.rest.resource.SuppliersResource;
import io.hanse.oms.rest.resource.TemplatesResource;
import io.hanse.oms.rest.resource.VaultResource;
import java.util.ArrayList;
import java.util.List;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one JAX-RS server of the API. It starts when every core service is there, with the core's
 * resources and any resource a plugin registers as a service with {@code osgi.jaxrs.resource=true},
 * and registers JSON, problem mappers, the body limit, authentication and the OpenAPI document once
 * for all of them.
 */
@Component(
    immediate = true,
    configurationPid = "io.hanse.oms.rest",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RestConfig.class)
public class RestServer {
  private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

  private final List<Object> coreResources;

  @Reference(
      service = Object.class,
      target = "(osgi.jaxrs.resource=true)",
      cardinality = ReferenceCardinality.MULTIPLE,
      policyOption = ReferencePolicyOption.GREEDY)
  private List<Object> pluginResources;

  private Server server;

  // Plugins that come and go without restarting the API: their routes answer 503 meanwhile.
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

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile AccountService accounts;

  @Activate
  public RestServer(
      @Reference CatalogService catalog,
      @Reference InventoryService inventory,
      @Reference PurchasingService purchasing,
      @Reference CustomerService customers,
      @Reference OrderService orders,
      @Reference ChannelInbox channelInbox,
      @Reference ChannelAdmin channelAdmin,
      @Reference PaymentService payments,
      @Reference ReturnService returns) {
    this.coreResources =
        List.of(
            new HealthResource(),
            new ProductsResource(catalog),
            new StylesResource(catalog),
            new TemplatesResource(catalog),
            new LocationsResource(inventory),
            new StockResource(inventory),
            new SuppliersResource(purchasing),
            new PurchaseOrdersResource(purchasing),
            new CustomersResource(customers, orders),
            new OrdersResource(orders),
            new ChannelsResource(channelInbox, channelAdmin),
            new PaymentsResource(payments),
            new ReturnsResource(returns),
            new VaultResource(() -> vault),
            new GiftCardsResource(() -> giftCards),
            new AccountsResource(() -> accounts));
  }

  @Activate
  void activate(RestConfig config) {
    List<Object> resources = new ArrayList<>(coreResources);
    resources.addAll(pluginResources);
    List<Class<?>> described = resources.stream().<Class<?>>map(Object::getClass).toList();
    resources.add(new OpenApiResource(described));

    JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
    factory.setAddress(config.address());
    List<Class<?>> classes = new ArrayList<>();
    for (Object resource : resources) {
      classes.add(resource.getClass());
    }
    factory.setResourceClasses(classes);
    for (Object resource : resources) {
      factory.setResourceProvider(resource.getClass(), new SingletonResourceProvider(resource));
    }
    factory.setProviders(
        List.of(
            new JsonProvider(),
            new BodyLimitFilter(config.maxBodyBytes()),
            new AuthFilter(config.realm()),
            new ProblemMappers.Oms(),
            new ProblemMappers.Json(),
            new ProblemMappers.Web(),
            new ProblemMappers.Unexpected()));
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(RestServer.class.getClassLoader());
    try {
      server = factory.create();
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
    LOG.info(
        "REST API at {} ({} resources, {} from plugins); OpenAPI at {}/openapi.json",
        config.address(),
        resources.size(),
        pluginResources.size(),
        config.address());
  }

  @Deactivate
  void deactivate() {
    if (server != null) {
      server.destroy();
    }
  }
}
