package io.hanse.oms.payment.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.payment.CardDetails;
import io.hanse.oms.api.payment.CardDetokenizer;
import io.hanse.oms.api.payment.CardToken;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.ComponentException;

class CardDetokenizerImplTest {
  private static final Map<String, String> GATEWAY_HEADER =
      Map.of(CardDetokenizer.GATEWAY_HEADER, "true");

  @TempDir Path folder;
  private TestVault t;

  @BeforeEach
  void open() {
    t = new TestVault(folder);
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void aListedGatewayWithTheHeaderGetsItsOwnInstance() {
    CardToken token = t.cards.tokenize(new CardDetails("4242424242424242", 12, 2030, null));
    CardDetokenizer detokenizer =
        new CardDetokenizerImpl(
            t.vault, usedBy(TestVault.GATEWAY, Map.of("Hanse-Payment-Gateway", " TRUE ")));

    assertThat(detokenizer.reveal(token.token()).orElseThrow().number())
        .isEqualTo("4242424242424242");
  }

  @Test
  void refusesABundleWithoutTheHeaderEvenWhenListed() {
    ComponentContext context = usedBy(TestVault.GATEWAY, Map.of());

    assertThatThrownBy(() -> new CardDetokenizerImpl(t.vault, context))
        .isInstanceOf(ComponentException.class)
        .hasMessageContaining(TestVault.GATEWAY)
        .hasMessageContaining("Hanse-Payment-Gateway");
  }

  @Test
  void refusesABundleWhoseHeaderIsNotTrue() {
    ComponentContext context =
        usedBy(TestVault.GATEWAY, Map.of(CardDetokenizer.GATEWAY_HEADER, "yes"));

    assertThatThrownBy(() -> new CardDetokenizerImpl(t.vault, context))
        .isInstanceOf(ComponentException.class);
  }

  @Test
  void refusesABundleWithTheHeaderThatIsNotInTheAllowList() {
    ComponentContext context = usedBy("io.hanse.oms.channel.shopify", GATEWAY_HEADER);

    assertThatThrownBy(() -> new CardDetokenizerImpl(t.vault, context))
        .isInstanceOf(ComponentException.class)
        .hasMessageContaining("io.hanse.oms.channel.shopify")
        .hasMessageContaining("gatewayBundles");
  }

  @Test
  void refusesWhenThereIsNoUsingBundle() {
    assertThatThrownBy(() -> new CardDetokenizerImpl(t.vault, Fakes.usedBy(null)))
        .isInstanceOf(ComponentException.class);
  }

  @Test
  void refusalNamesTheReasonAndAllowsOnlyBothConditionsTogether() {
    Set<String> allowed = Set.of("io.hanse.oms.payment.stripe");
    Bundle stripe = Fakes.bundle("io.hanse.oms.payment.stripe", GATEWAY_HEADER);
    Bundle bare = Fakes.bundle("io.hanse.oms.payment.stripe", Map.of());
    Bundle other = Fakes.bundle("com.example.evil", GATEWAY_HEADER);

    assertThat(CardDetokenizerImpl.refusal(stripe, allowed)).isNull();
    assertThat(CardDetokenizerImpl.refusal(bare, allowed)).contains("lacks");
    assertThat(CardDetokenizerImpl.refusal(other, allowed)).contains("gatewayBundles");
    assertThat(CardDetokenizerImpl.refusal(stripe, Set.of())).contains("gatewayBundles");
  }

  private static ComponentContext usedBy(String symbolicName, Map<String, String> headers) {
    return Fakes.usedBy(Fakes.bundle(symbolicName, headers));
  }
}
