package io.hanse.oms.core.internal;

import io.hanse.oms.api.NotFoundException;
import javax.persistence.EntityManager;

/** Lookups by primary key that a caller named: a missing one is the caller's 404. */
public final class Entities {
  private Entities() {}

  /**
   * The entity with this id.
   *
   * @param what how the caller calls it, for the message: "order", "customer", ...
   * @throws NotFoundException when there is none
   */
  public static <T> T require(EntityManager em, Class<T> type, String id, String what) {
    T entity = id == null ? null : em.find(type, id);
    if (entity == null) {
      throw new NotFoundException(what, id);
    }
    return entity;
  }

  /** The entity with this numeric id. */
  public static <T> T require(EntityManager em, Class<T> type, long id, String what) {
    T entity = em.find(type, id);
    if (entity == null) {
      throw new NotFoundException(what, String.valueOf(id));
    }
    return entity;
  }
}
