package dev.meshsim.mesh.xds;

import java.util.List;

/** {@code exportTo} lists ({@code .}, {@code *}, namespace names; empty = every namespace) compared. */
final class ExportScope {
  private ExportScope() {}

  /** Whether some namespace sees both objects. */
  static boolean overlap(String namespaceA, List<String> exportA, String namespaceB, List<String> exportB) {
    if (everywhere(exportA) || everywhere(exportB)) {
      return true;
    }
    for (String a : exportA) {
      String na = a.equals(".") ? namespaceA : a;
      for (String b : exportB) {
        if (na.equals(b.equals(".") ? namespaceB : b)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean everywhere(List<String> exportTo) {
    return exportTo.isEmpty() || exportTo.contains("*");
  }
}
