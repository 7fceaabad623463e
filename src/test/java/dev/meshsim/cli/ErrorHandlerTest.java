package dev.meshsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Running out of heap or stack ends as one line and exit 1, never the JVM's stack trace. */
class ErrorHandlerTest {
  @Test
  void outOfMemoryIsOneLine() {
    StringWriter text = new StringWriter();
    int exit = ErrorHandler.resourcesExhausted(new OutOfMemoryError("Java heap space"), new PrintWriter(text), "run", "x.yaml");
    assertEquals(1, exit);
    assertEquals(1, text.toString().lines().count(), text.toString());
    assertTrue(text.toString().startsWith("meshsim: internal error: out of memory (heap limit "), text.toString());
  }

  @Test
  void verboseAddsTheTrace() {
    StringWriter text = new StringWriter();
    ErrorHandler.resourcesExhausted(new StackOverflowError(), new PrintWriter(text), "run", "--verbose", "x.yaml");
    assertTrue(text.toString().contains("\tat "), text.toString());
  }
}
