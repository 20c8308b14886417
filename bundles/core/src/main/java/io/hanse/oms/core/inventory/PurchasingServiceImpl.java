package io.hanse.oms.core.inventory;

import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.inventory.MovementType;
import io.hanse.oms.api.inventory.PurchaseOrder;
import io.hanse.oms.api.inventory.PurchaseOrderSpec;
import io.hanse.oms.api.inventory.PurchaseOrderStatus;
import io.hanse.oms.api.inventory.PurchasingService;
import io.hanse.oms.api.inventory.Supplier;
import io.hanse.oms.api.inventory.SupplierItem;
import io.hanse.oms.api.inventory.SupplierSpec;
import io.hanse.oms.core.internal.Checks;
import io.hanse.oms.core.internal.Entities;
import io.hanse.oms.core.internal.Transactions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Suppliers and purchase orders; a receipt puts stock on hand in the same transaction. */
@Component(service = PurchasingService.class)
public class PurchasingServiceImpl implements PurchasingService {
  static final int MAX_LINES = 1000;

  private final Transactions tx;

  @Activate
  public PurchasingServiceImpl(@Reference Transactions tx) {
    this.tx = tx;
  }

  @Override
  public Supplier putSupplier(String code, SupplierSpec spec) {
    new Checks().code("code", code).required("supplier", spec).orThrow();
    Checks checks =
        new Checks()
            .required("name", spec.name())
            .maxLength("name", spec.name(), 200)
            .maxLength("email", spec.email(), 254)
            .that(spec.items() == null || spec.items().size() <= MAX_LINES, "too many items");
    Set<String> skus = new HashSet<>();
    if (spec.items() != null) {
      for (SupplierItem item : spec.items()) {
        checks
            .code("items.sku", item == null ? null : item.sku())
            .code("items.supplierSku", item == null ? null : item.supplierSku())
            .that(item == null || item.cost() != null, "items.cost is required")
            .that(
                item == null || item.cost() == null || item.cost().signum() >= 0,
                "cost must not be negative")
            .that(item == null || skus.add(item.sku()), "a SKU appears twice in items");
      }
    }
    checks.orThrow();
    return tx.write(
        em -> {
          for (String sku : skus) {
            InventoryServiceImpl.requireStockedProduct(em, sku);
          }
          SupplierEntity supplier = em.find(SupplierEntity.class, code);
          if (supplier == null) {
            supplier = new SupplierEntity(code);
            supplier.replace(spec);
            em.persist(supplier);
          } else {
            supplier.replace(spec);
          }
          return supplier.toSupplier();
        });
  }

  @Override
  public Optional<Supplier> findSupplier(String code) {
    return tx.read(
        em ->
            Optional.ofNullable(em.find(SupplierEntity.class, code))
                .map(SupplierEntity::toSupplier));
  }

  @Override
  public PurchaseOrder createPurchaseOrder(PurchaseOrderSpec spec, String user) {
    new Checks().required("purchase order", spec).orThrow();
    Map<String, Integer> quantities = merged(spec.lines());
    return tx.write(
        em -> {
          SupplierEntity supplier =
              spec.supplier() == null ? null : em.find(SupplierEntity.class, spec.supplier());
          if (supplier == null) {
            throw new ValidationException("unknown supplier: " + spec.supplier());
          }
          InventoryServiceImpl.requireLocation(em, spec.location());
          List<PurchaseOrderLineEmbeddable> lines = new ArrayList<>();
          Checks checks = new Checks();
          quantities.forEach(
              (sku, quantity) ->
                  supplier
                      .item(sku)
                      .ifPresentOrElse(
                          item -> {
                            SupplierItem i = item.toItem();
                            lines.add(
                                new PurchaseOrderLineEmbeddable(
                                    sku, i.supplierSku(), quantity, i.cost()));
                          },
                          () ->
                              checks.that(
                                  false, "supplier " + supplier.code() + " does not sell " + sku)));
          checks.orThrow();
          PurchaseOrderEntity po =
              new PurchaseOrderEntity(supplier.code(), spec.location(), lines, user);
          em.persist(po);
          em.flush();
          return po.toPurchaseOrder();
        });
  }

  @Override
  public Optional<PurchaseOrder> findPurchaseOrder(String id) {
    return tx.read(
        em ->
            Optional.ofNullable(em.find(PurchaseOrderEntity.class, id))
                .map(PurchaseOrderEntity::toPurchaseOrder));
  }

  @Override
  public List<PurchaseOrder> listPurchaseOrders(String supplier, PurchaseOrderStatus status) {
    StringBuilder jpql = new StringBuilder("select p from PurchaseOrderEntity p where 1 = 1");
    if (supplier != null) {
      jpql.append(" and p.supplier = :supplier");
    }
    if (status != null) {
      jpql.append(" and p.status = :status");
    }
    jpql.append(" order by p.createdAt desc");
    return tx.read(
        em -> {
          var q = em.createQuery(jpql.toString(), PurchaseOrderEntity.class).setMaxResults(200);
          if (supplier != null) {
            q.setParameter("supplier", supplier);
          }
          if (status != null) {
            q.setParameter("status", status);
          }
          return q.getResultList().stream().map(PurchaseOrderEntity::toPurchaseOrder).toList();
        });
  }

  @Override
  public PurchaseOrder receive(String id, List<SkuQuantity> lines, String user) {
    Map<String, Integer> quantities = merged(lines);
    return tx.write(
        em -> {
          PurchaseOrderEntity po =
              Entities.require(em, PurchaseOrderEntity.class, id, "purchase order");
          StockLedger ledger = new StockLedger(em, user, null);
          // SKU by SKU in StockKey.LOCK_ORDER (one location): no deadlock with other stock paths
          new TreeMap<>(quantities)
              .forEach(
                  (sku, quantity) -> {
                    po.receive(sku, quantity);
                    ledger.changeOnHand(
                        sku, po.location(), quantity, MovementType.RECEIPT, "purchase order " + id);
                  });
          em.flush();
          return po.toPurchaseOrder();
        });
  }

  @Override
  public PurchaseOrder cancelPurchaseOrder(String id, String user) {
    return tx.write(
        em -> {
          PurchaseOrderEntity po =
              Entities.require(em, PurchaseOrderEntity.class, id, "purchase order");
          po.cancel();
          return po.toPurchaseOrder();
        });
  }

  private static Map<String, Integer> merged(List<SkuQuantity> lines) {
    Checks checks =
        new Checks()
            .that(
                lines != null && !lines.isEmpty() && lines.size() <= MAX_LINES,
                "lines must hold 1 to " + MAX_LINES + " entries");
    checks.orThrow();
    Map<String, Integer> quantities = new LinkedHashMap<>();
    for (SkuQuantity line : lines) {
      checks
          .code("lines.sku", line == null ? null : line.sku())
          .that(
              line == null || (line.quantity() >= 1 && line.quantity() <= 1_000_000),
              "lines.quantity must be 1-1000000");
      if (line != null && line.sku() != null) {
        quantities.merge(line.sku(), line.quantity(), Integer::sum);
      }
    }
    checks.orThrow();
    return quantities;
  }
}
