package dev.meshsim.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrintableTest {
  @Test
  void controlCharactersAreEscapedAndLineBreaksKept() {
    assertEquals("a\\u001b[31mb", Printable.escape("a\u001b[31mb"));
    assertEquals("plain", Printable.escape("plain"));
    assertEquals("x\\u0085y\\u007f", Printable.escape("x\u0085y\u007f"));
    assertEquals("one\n\\u0007two\n", Printable.escapeLines("one\n\u0007two\n"));
  }
}
