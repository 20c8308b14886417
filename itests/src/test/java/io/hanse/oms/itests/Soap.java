package io.hanse.oms.itests;

import io.hanse.oms.itests.soap.catalog.CatalogService;
import io.hanse.oms.itests.soap.catalog.CatalogService_Service;
import io.hanse.oms.itests.soap.inventory.InventoryService;
import io.hanse.oms.itests.soap.inventory.InventoryService_Service;
import io.hanse.oms.itests.soap.orders.OrderService;
import io.hanse.oms.itests.soap.orders.OrderService_Service;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.ws.BindingProvider;
import org.apache.cxf.headers.Header;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Clients of the SOAP services, generated from their WSDLs at build time and pointed at the served
 * WSDL, sending a WS-Security UsernameToken (PasswordText) as a legacy system would.
 */
final class Soap {
  private static final String WSSE =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
  private static final String PASSWORD_TEXT =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

  private Soap() {}

  /** The order service as {@code user} (password = user name, the demo users), or anonymous. */
  static OrderService orders(String user) {
    return as(new OrderService_Service(wsdl("OrderService")).getOrderPort(), user, user);
  }

  static InventoryService inventory(String user) {
    return as(
        new InventoryService_Service(wsdl("InventoryService")).getInventoryPort(), user, user);
  }

  static CatalogService catalog(String user) {
    return as(new CatalogService_Service(wsdl("CatalogService")).getCatalogPort(), user, user);
  }

  static <T> T as(T port, String user, String password) {
    if (user != null) {
      ((BindingProvider) port)
          .getRequestContext()
          .put(Header.HEADER_LIST, List.of(usernameToken(user, password)));
    }
    return port;
  }

  static URL wsdl(String service) {
    try {
      return new URL(HanseServer.get().soap(service) + "?wsdl");
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The operation names a WSDL declares. */
  static java.util.Set<String> operations(String wsdl) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<wsdl:operation name=\"([^\"]+)\"").matcher(wsdl);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static Header usernameToken(String user, String password) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document doc = factory.newDocumentBuilder().newDocument();
      Element security = doc.createElementNS(WSSE, "wsse:Security");
      Element token = doc.createElementNS(WSSE, "wsse:UsernameToken");
      Element name = doc.createElementNS(WSSE, "wsse:Username");
      name.setTextContent(user);
      Element pass = doc.createElementNS(WSSE, "wsse:Password");
      pass.setAttribute("Type", PASSWORD_TEXT);
      pass.setTextContent(password);
      token.appendChild(name);
      token.appendChild(pass);
      security.appendChild(token);
      return new Header(new QName(WSSE, "Security"), security);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
