package io.hanse.oms.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataSourceSettingsTest {

  private static final String CUSTOM_PLANS = "options=-c%20plan_cache_mode%3Dforce_custom_plan";

  @Test
  void postgresqlGetsBatchedInsertsRewrittenAndCustomPlansUnlessTheUrlChoosesItself() {
    assertThat(DataSourceProvisioner.Settings.tuned("jdbc:postgresql://db:5432/oms"))
        .isEqualTo("jdbc:postgresql://db:5432/oms?reWriteBatchedInserts=true&" + CUSTOM_PLANS);
    assertThat(DataSourceProvisioner.Settings.tuned("jdbc:postgresql://db/oms?ssl=true"))
        .isEqualTo("jdbc:postgresql://db/oms?ssl=true&reWriteBatchedInserts=true&" + CUSTOM_PLANS);
    assertThat(
            DataSourceProvisioner.Settings.tuned(
                "jdbc:postgresql://db/oms?reWriteBatchedInserts=false"))
        .isEqualTo("jdbc:postgresql://db/oms?reWriteBatchedInserts=false&" + CUSTOM_PLANS);
    assertThat(
            DataSourceProvisioner.Settings.tuned(
                "jdbc:postgresql://db/oms?options=-c%20search_path%3Doms"))
        .isEqualTo(
            "jdbc:postgresql://db/oms?options=-c%20search_path%3Doms&reWriteBatchedInserts=true");
    assertThat(DataSourceProvisioner.Settings.tuned("jdbc:derby:/data/oms;create=true"))
        .isEqualTo("jdbc:derby:/data/oms;create=true");
  }
}
