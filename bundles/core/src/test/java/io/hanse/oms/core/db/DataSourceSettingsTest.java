package io.hanse.oms.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataSourceSettingsTest {

  private static final String CUSTOM_PLANS = "-c%20plan_cache_mode%3Dforce_custom_plan";

  private static String tuned(String url) {
    return DataSourceProvisioner.Settings.tuned(url, true);
  }

  @Test
  void postgresqlGetsBatchedInsertsRewrittenAndCustomPlansUnlessTheUrlChoosesItself() {
    assertThat(tuned("jdbc:postgresql://db:5432/oms"))
        .isEqualTo(
            "jdbc:postgresql://db:5432/oms?reWriteBatchedInserts=true&options=" + CUSTOM_PLANS);
    assertThat(tuned("jdbc:postgresql://db/oms?ssl=true"))
        .isEqualTo(
            "jdbc:postgresql://db/oms?ssl=true&reWriteBatchedInserts=true&options=" + CUSTOM_PLANS);
    assertThat(tuned("jdbc:postgresql://db/oms?reWriteBatchedInserts=false"))
        .isEqualTo("jdbc:postgresql://db/oms?reWriteBatchedInserts=false&options=" + CUSTOM_PLANS);
    assertThat(tuned("jdbc:postgresql://db/oms?options=-c%20plan_cache_mode%3Dauto"))
        .isEqualTo(
            "jdbc:postgresql://db/oms?options=-c%20plan_cache_mode%3Dauto&reWriteBatchedInserts=true");
    assertThat(tuned("jdbc:derby:/data/oms;create=true"))
        .isEqualTo("jdbc:derby:/data/oms;create=true");
  }

  @Test
  void optionsTheUrlAlreadyHasAreKeptAndTheSettingAdded() {
    assertThat(tuned("jdbc:postgresql://db/oms?options=-c%20search_path%3Doms&ssl=true"))
        .isEqualTo(
            "jdbc:postgresql://db/oms?options=-c%20search_path%3Doms%20"
                + CUSTOM_PLANS
                + "&ssl=true&reWriteBatchedInserts=true");
  }

  @Test
  void customPlansCanBeTurnedOffForPoolersThatRefuseStartupOptions() {
    assertThat(DataSourceProvisioner.Settings.tuned("jdbc:postgresql://db/oms", false))
        .isEqualTo("jdbc:postgresql://db/oms?reWriteBatchedInserts=true");
  }
}
