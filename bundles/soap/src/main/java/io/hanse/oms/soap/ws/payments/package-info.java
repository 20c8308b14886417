/**
 * The payment service of the SOAP interface: payments and refunds of orders, checks, card
 * tokenization, returns (RMAs) and gift cards.
 */
@XmlSchema(namespace = PaymentService.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package io.hanse.oms.soap.ws.payments;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
