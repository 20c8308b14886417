package io.hanse.oms.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StripeFormTest {

  @Test
  void nestedKeysAndValuesAreFormEncodedAndBlankValuesLeftOut() {
    StripeForm form =
        new StripeForm()
            .add("amount", 1999)
            .add("metadata[order_id]", "A&B = 1/2")
            .add("receipt_email", "ada+shop@example.com")
            .add("description", (String) null)
            .add("statement_descriptor_suffix", " ")
            .add("confirm", true);

    assertThat(form.encode())
        .isEqualTo(
            "amount=1999&metadata[order_id]=A%26B+%3D+1%2F2"
                + "&receipt_email=ada%2Bshop%40example.com&confirm=true");
  }

  @Test
  void itsTextNamesTheKeysOnly() {
    StripeForm form = new StripeForm().add("card[number]", "4242424242424242");

    assertThat(form.toString()).isEqualTo("form[card[number]]").doesNotContain("4242");
  }

  @Test
  void cancellationReasonsAreStripesOwn() {
    assertThat(StripeGateway.cancellationReason("cancelled by the customer"))
        .isEqualTo("requested_by_customer");
    assertThat(StripeGateway.cancellationReason("out of stock")).isEqualTo("abandoned");
    assertThat(StripeGateway.cancellationReason(null)).isEqualTo("abandoned");
  }

  @Test
  void theStatementDescriptorIsWhatStripeTakes() {
    assertThat(StripeDescriptors.suffix("")).isNull();
    assertThat(StripeDescriptors.suffix(" Hanse \"Shop\" * Hamburg Altona "))
        .isEqualTo("Hanse Shop  Hamburg Al");
  }
}
