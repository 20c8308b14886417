package io.hanse.oms.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataSourceSettingsTest {

  private static final String CUSTOM_PLANS =
      "-c%20plan_cache_mode%3Dforce_custom_plan%20-c%20random_page_cost%3D1.1";

  private static String tuned(String url) {
    return DataSourceProvisioner.Settings.tuned(url, true, "1.1");
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
    assertThat(
            tuned(
                "jdbc:postgresql://db/oms?options=-c%20plan_cache_mode%3Dauto%20-c%20random_page_cost%3D2"))
        .isEqualTo(
            "jdbc:postgresql://db/oms?options=-c%20plan_cache_mode%3Dauto%20-c%20random_page_cost%3D2"
                + "&reWriteBatchedInserts=true");
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
  void noStartupOptionForPoolersThatRefuseThem() {
    // postgresCustomPlans=false, as configured behind PgBouncer before 1.20: nothing in options
    assertThat(DataSourceProvisioner.Settings.tuned("jdbc:postgresql://db/oms", false, "1.1"))
        .isEqualTo("jdbc:postgresql://db/oms?reWriteBatchedInserts=true");
    assertThat(DataSourceProvisioner.Settings.tuned("jdbc:postgresql://db/oms", true, ""))
        .isEqualTo(
            "jdbc:postgresql://db/oms?reWriteBatchedInserts=true&options="
                + "-c%20plan_cache_mode%3Dforce_custom_plan");
  }

  @Test
  void aUrlChoosingOneSettingGetsTheOther() {
    assertThat(tuned("jdbc:postgresql://db/oms?options=-c%20plan_cache_mode%3Dauto"))
        .isEqualTo(
            "jdbc:postgresql://db/oms?options=-c%20plan_cache_mode%3Dauto%20-c%20random_page_cost%3D1.1"
                + "&reWriteBatchedInserts=true");
  }

  @Test
  void aRandomPageCostMustBeANumber() {
    assertThat(DataSourceProvisioner.Settings.randomPageCost(" 1.1 ")).isEqualTo("1.1");
    assertThat(DataSourceProvisioner.Settings.randomPageCost("")).isEmpty();
    assertThatThrownBy(() -> DataSourceProvisioner.Settings.randomPageCost("1,1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DataSourceProvisioner.Settings.randomPageCost("1&ssl=false"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
