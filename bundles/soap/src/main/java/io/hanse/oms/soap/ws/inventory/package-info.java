/** The inventory service of the SOAP interface: query and adjust stock. */
@XmlSchema(namespace = InventoryService.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package io.hanse.oms.soap.ws.inventory;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
