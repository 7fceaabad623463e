package dev.meshsim.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrintableTest {
  @Test
  void controlCharactersAreEscapedAsSafeTextDoesAndLineBreaksKept() {
    assertEquals("a\\e[31mb", Printable.escape("a\u001b[31mb"));
    assertEquals("plain", Printable.escape("plain"));
    assertEquals("x\\u0085y\\x7f", Printable.escape("x\u0085y\u007f"));
    assertEquals("one\n\\x07two\n", Printable.escapeLines("one\n\u0007two\n"));
  }

  @Test
  void bidiOverridesLineSeparatorsAndTagCharactersAreEscapedToo() {
    assertEquals("a\\u202eb\\u2028c\\U000e0001d", Printable.escape("a\u202eb\u2028c\udb40\udc01d"));
    assertEquals("l1\n\\u202el2", Printable.escapeLines("l1\n\u202el2"));
  }
}
