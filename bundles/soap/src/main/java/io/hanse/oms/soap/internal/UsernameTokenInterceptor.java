package io.hanse.oms.soap.internal;

import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.headers.Header;
import org.apache.cxf.interceptor.security.AuthenticationException;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the WS-Security UsernameToken (OASIS WSS 1.1, PasswordText) of a request and hands user and
 * password to the JAAS login that follows; a request without one is refused. Only this header is
 * read: CXF's WSS4J feature cannot be installed from the repositories this build uses (see
 * docs/decisions), and PasswordText over HTTPS is what legacy clients send.
 */
final class UsernameTokenInterceptor extends AbstractSoapInterceptor {
  static final String WSSE =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
  static final String PASSWORD_TEXT =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
  private static final QName SECURITY = new QName(WSSE, "Security");

  UsernameTokenInterceptor() {
    super(Phase.PRE_PROTOCOL);
  }

  @Override
  public Set<QName> getUnderstoodHeaders() {
    return Set.of(SECURITY);
  }

  @Override
  public void handleMessage(SoapMessage message) {
    Header header = message.getHeader(SECURITY);
    if (header == null || !(header.getObject() instanceof Element security)) {
      throw new AuthenticationException("a WS-Security UsernameToken is required");
    }
    Element token = child(security, "UsernameToken");
    Element username = token == null ? null : child(token, "Username");
    Element password = token == null ? null : child(token, "Password");
    if (username == null || password == null) {
      throw new AuthenticationException("the UsernameToken needs a Username and a Password");
    }
    String type = password.getAttribute("Type");
    if (!type.isEmpty() && !type.equals(PASSWORD_TEXT)) {
      throw new AuthenticationException("only PasswordText is supported; send it over HTTPS");
    }
    AuthorizationPolicy policy = new AuthorizationPolicy();
    policy.setUserName(username.getTextContent().trim());
    policy.setPassword(password.getTextContent());
    message.put(AuthorizationPolicy.class, policy);
  }

  private static Element child(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && WSSE.equals(e.getNamespaceURI())
          && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }
}
