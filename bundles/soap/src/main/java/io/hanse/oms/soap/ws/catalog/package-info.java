/** The catalog service of the SOAP interface: look up and upsert products. */
@XmlSchema(namespace = CatalogService.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package io.hanse.oms.soap.ws.catalog;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
