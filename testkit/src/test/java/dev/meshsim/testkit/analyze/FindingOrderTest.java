package dev.meshsim.testkit.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.testkit.analyze.Finding.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings print in istioctl's order: level (Error first), code, origin, then the whole line. */
class FindingOrderTest {
  private static Finding f(Level level, String code, String kind, String name, String message) {
    return new Finding(level, code, kind, "default", name, message, null);
  }

  @Test
  void errorsFirst_thenByCode_thenByOrigin_thenByLine() {
    Finding kiali = f(Level.Warning, "KIA0203", "VirtualService", "a", "x");
    Finding info = f(Level.Info, "IST0118", "Service", "a", "x");
    Finding errorLaterCode = f(Level.Error, "IST0131", "VirtualService", "a", "x");
    Finding errorB = f(Level.Error, "IST0101", "VirtualService", "b", "x");
    Finding errorA2 = f(Level.Error, "IST0101", "VirtualService", "a", "y");
    Finding errorA1 = f(Level.Error, "IST0101", "VirtualService", "a", "x");
    Finding errorOtherKind = f(Level.Error, "IST0101", "DestinationRule", "z", "x");
    List<Finding> sorted = new ArrayList<>(List.of(kiali, info, errorLaterCode, errorB, errorA2, errorA1, errorOtherKind));
    sorted.sort(Finding.ORDER);
    assertEquals(List.of(errorOtherKind, errorA1, errorA2, errorB, errorLaterCode, kiali, info), sorted);
  }
}
