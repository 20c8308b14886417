package io.hanse.oms.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hanse.oms.api.ConflictException;
import java.sql.SQLException;
import javax.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

class TransactionsTest {

  @Test
  void deadlocksTimeoutsAndUniqueRacesAreRetried() {
    for (String state : new String[] {"40001", "40P01", "40XL1", "40XL2", "23505"}) {
      assertThat(
              Transactions.isTransient(
                  new PersistenceException("wrapped", new SQLException("x", state))))
          .as(state)
          .isTrue();
    }
  }

  @Test
  void refusalsAndOtherErrorsAreNot() {
    assertThat(Transactions.isTransient(new ConflictException("no"))).isFalse();
    assertThat(Transactions.isTransient(new PersistenceException(new SQLException("x", "42X05"))))
        .isFalse();
    assertThat(Transactions.isTransient(new IllegalStateException())).isFalse();
  }
}
