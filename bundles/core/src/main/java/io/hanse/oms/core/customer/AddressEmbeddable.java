package io.hanse.oms.core.customer;

import io.hanse.oms.api.customer.Address;
import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A postal address inside a customer or an order. */
@Embeddable
public class AddressEmbeddable {
  private String line1;
  private String line2;
  private String city;
  private String region;

  @Column(name = "postal_code")
  private String postalCode;

  private String country;

  protected AddressEmbeddable() {}

  public AddressEmbeddable(Address a) {
    this.line1 = a.line1();
    this.line2 = a.line2();
    this.city = a.city();
    this.region = a.region();
    this.postalCode = a.postalCode();
    this.country = a.country();
  }

  public Address toAddress() {
    return new Address(line1, line2, city, region, postalCode, country);
  }
}
