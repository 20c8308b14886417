package io.hanse.oms.payment.vault;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The card vault: {@code etc/io.hanse.oms.payment.vault.cfg}. */
@ObjectClassDefinition(
    name = "Hanse OMS card vault",
    description =
        "Where the vault keeps its encryption keys, how long it holds a security code, and which"
            + " gateway bundles may reveal a card")
public @interface VaultConfig {

  @AttributeDefinition(
      description =
          "PKCS12 keystore holding the AES-256 keys hanse-vault-v1, -v2, ...; ${karaf.data} is"
              + " resolved. Created with key v1 when missing")
  String keystore() default "${karaf.data}/vault/hanse-vault.p12";

  @AttributeDefinition(
      description =
          "Keystore password; empty: the environment variable HANSE_VAULT_PASSWORD, else (demo"
              + " only) a generated one in hanse-vault.password next to the keystore",
      type = AttributeType.PASSWORD,
      required = false)
  String keystorePassword() default "";

  @AttributeDefinition(
      description =
          "Seconds a card's security code is held in memory, waiting for the first authorization"
              + " (1-3600); it is never stored")
  int cvcTtlSeconds() default 600;

  @AttributeDefinition(
      description =
          "Symbolic names of the bundles that may reveal cards, comma-separated; each must also"
              + " declare the manifest header Hanse-Payment-Gateway: true")
  String gatewayBundles() default "io.hanse.oms.payment.stripe,io.hanse.oms.payment.simulator";
}
