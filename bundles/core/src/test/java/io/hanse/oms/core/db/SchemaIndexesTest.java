package io.hanse.oms.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.hanse.oms.core.TestDatabase;
import java.io.InputStream;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every index the core's changelog creates and does not drop is there once it has run, on both
 * databases: an index of the table starts with its columns. Derby creates no index that repeats a
 * foreign key's own (it warns of a duplicate), so dropping the key once left order lines and
 * reservations without an index on their order, and every order lookup scanned both tables.
 */
class SchemaIndexesTest {

  @Test
  void everyDeclaredIndexExistsOnDerby() {
    try (TestDatabase db = new TestDatabase()) {
      assertThat(existing(db)).containsAll(declared());
    }
  }

  @Test
  void everyDeclaredIndexExistsOnPostgres() {
    try (TestDatabase db = TestDatabase.postgres()) {
      assertThat(existing(db)).containsAll(declared());
    }
  }

  /** "table(column,column)" of each index created by a change set, less those a later one drops. */
  static Set<String> declared() {
    Map<String, String> indexes = new TreeMap<>();
    try (InputStream in =
        SchemaIndexesTest.class.getClassLoader().getResourceAsStream(SchemaMigrator.CHANGELOG)) {
      Element root =
          DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
      walk(root, indexes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    assertThat(indexes).as("indexes read from the changelog").hasSizeGreaterThan(10);
    return new TreeSet<>(indexes.values());
  }

  /** In document order, leaving out what a change set's rollback would do. */
  private static void walk(Element element, Map<String, String> indexes) {
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element child) || child.getTagName().equals("rollback")) {
        continue;
      }
      String table = child.getAttribute("tableName");
      String name = (table + "." + child.getAttribute("indexName")).toLowerCase(Locale.ROOT);
      switch (child.getTagName()) {
        case "createIndex" -> {
          List<String> columns = new ArrayList<>();
          NodeList list = child.getElementsByTagName("column");
          for (int i = 0; i < list.getLength(); i++) {
            columns.add(((Element) list.item(i)).getAttribute("name"));
          }
          indexes.put(name, key(table, columns));
        }
        case "dropIndex" -> indexes.remove(name);
        default -> walk(child, indexes);
      }
    }
  }

  /**
   * "table(column,column)" of every index, and of each of its leading column lists: an index on (a,
   * b) serves what one on (a) would.
   */
  private static Set<String> existing(TestDatabase db) {
    Set<String> indexes = new TreeSet<>();
    db.tx(
        em ->
            em.unwrap(Session.class)
                .doWork(
                    c -> {
                      DatabaseMetaData meta = c.getMetaData();
                      List<String> tables = new ArrayList<>();
                      try (ResultSet rs =
                          meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                        while (rs.next()) {
                          tables.add(rs.getString("TABLE_NAME"));
                        }
                      }
                      for (String table : tables) {
                        Map<String, List<String>> columns = new TreeMap<>();
                        try (ResultSet rs =
                            meta.getIndexInfo(null, c.getSchema(), table, false, true)) {
                          while (rs.next()) {
                            if (rs.getString("INDEX_NAME") != null) {
                              List<String> of =
                                  columns.computeIfAbsent(
                                      rs.getString("INDEX_NAME"), k -> new ArrayList<>());
                              of.add(
                                  rs.getShort("ORDINAL_POSITION") - 1, rs.getString("COLUMN_NAME"));
                            }
                          }
                        }
                        for (List<String> of : columns.values()) {
                          for (int n = 1; n <= of.size(); n++) {
                            indexes.add(key(table, of.subList(0, n)));
                          }
                        }
                      }
                    }));
    return indexes;
  }

  private static String key(String table, List<String> columns) {
    return (table + "(" + String.join(",", columns) + ")").toLowerCase(Locale.ROOT);
  }
}
