/**
 * The order service of the SOAP interface: place (with payments), look up, list, cancel and ship
 * orders.
 */
@XmlSchema(namespace = OrderService.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package io.hanse.oms.soap.ws.orders;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
