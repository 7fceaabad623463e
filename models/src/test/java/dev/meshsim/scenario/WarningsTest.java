package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.yaml.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Many warnings of one text (20,000 ignored ConfigMaps) print the first few and one count. */
class WarningsTest {
  @Test
  void theFirstFewOfOneTextArePrinted_theRestCounted_otherTextsKept() {
    Warnings w = new Warnings();
    for (int i = 1; i <= 2000; i++) {
      w.add(new Position("m.yaml", i, 1), "kind", "kind ConfigMap is not modelled; ignored");
    }
    w.add(new Position("m.yaml", 3000, 1), "kind", "kind Secret is not modelled; ignored");
    List<String> lines = w.list();
    assertEquals(Warnings.MAX_ALIKE + 2, lines.size(), String.join("\n", lines));
    assertEquals("1990 more warnings like these: kind ConfigMap is not modelled; ignored", lines.get(lines.size() - 1));
    assertEquals(List.of(true, true), List.of(lines.get(0).startsWith("m.yaml:1:1: "),
        lines.get(Warnings.MAX_ALIKE).startsWith("m.yaml:3000:1: ")));
  }
}
