package io.hanse.oms.shell;

import io.hanse.oms.api.payment.CardVault;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(
    scope = "oms",
    name = "vault-rotate",
    description = "Creates a new card vault key and re-encrypts every stored card under it.")
public class VaultRotateCommand implements Action {
  @Reference(optional = true)
  private CardVault vault;

  @Override
  public Object execute() {
    if (vault == null) {
      throw new IllegalStateException("the card vault needs the feature hanse-payment-vault");
    }
    CardVault.Rotation r = vault.rotateKey();
    System.out.println(
        "Vault key version "
            + r.keyVersion()
            + " is current; "
            + r.cardsReencrypted()
            + " cards re-encrypted.");
    return null;
  }
}
