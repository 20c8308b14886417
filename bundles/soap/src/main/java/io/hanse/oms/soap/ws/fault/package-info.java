/** The fault every Hanse OMS SOAP operation raises, with a stable code. */
@XmlSchema(namespace = ServiceFault.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package io.hanse.oms.soap.ws.fault;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
