package dev.meshsim.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  private static final List<String> KEYS = List.of("name", "labels", "replicas", "workers", "serviceTime");

  @Test
  void obviousTyposGetASuggestion() {
    assertEquals("replicas", Suggestions.closest("replcias", KEYS)); // swapped letters
    assertEquals("serviceTime", Suggestions.closest("servceTime", KEYS)); // missing letter
    assertEquals("serviceTime", Suggestions.closest("servicetime", KEYS)); // case only
    assertEquals("name", Suggestions.closest("nme", KEYS));
  }

  @Test
  void unrelatedWordsGetNone() {
    assertNull(Suggestions.closest("colour", KEYS));
    assertNull(Suggestions.closest("x", KEYS));
  }
}
