package io.hanse.oms.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataSourceSettingsTest {

  @Test
  void postgresqlGetsBatchedInsertsRewrittenUnlessTheUrlChoosesItself() {
    assertThat(DataSourceProvisioner.Settings.tuned("jdbc:postgresql://db:5432/oms"))
        .isEqualTo("jdbc:postgresql://db:5432/oms?reWriteBatchedInserts=true");
    assertThat(DataSourceProvisioner.Settings.tuned("jdbc:postgresql://db/oms?ssl=true"))
        .isEqualTo("jdbc:postgresql://db/oms?ssl=true&reWriteBatchedInserts=true");
    assertThat(
            DataSourceProvisioner.Settings.tuned(
                "jdbc:postgresql://db/oms?reWriteBatchedInserts=false"))
        .isEqualTo("jdbc:postgresql://db/oms?reWriteBatchedInserts=false");
    assertThat(DataSourceProvisioner.Settings.tuned("jdbc:derby:/data/oms;create=true"))
        .isEqualTo("jdbc:derby:/data/oms;create=true");
  }
}
