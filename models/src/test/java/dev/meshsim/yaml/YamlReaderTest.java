package dev.meshsim.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

  private static YamlMap one(String yaml) {
    List<YamlNode> docs = YamlReader.read(yaml, "t.yaml");
    assertEquals(1, docs.size());
    return docs.get(0).asMap();
  }

  @Test
  void nodesKnowTheirPositionAndPath() {
    YamlMap root = one("""
        services:
          - name: a
            deployments:
              - {name: a-v1, replicas: 2}
              - name: a-v2
                replicas: two
        """);
    YamlNode replicas = root.required("services").asList().get(0).asMap()
        .required("deployments").asList().get(1).asMap().required("replicas");
    assertEquals(new Position("t.yaml", 6, 19), replicas.position());
    assertEquals("services[0].deployments[1].replicas", replicas.path());
    YamlNode flow = root.required("services").asList().get(0).asMap()
        .required("deployments").asList().get(0).asMap().required("replicas");
    assertEquals(new Position("t.yaml", 4, 32), flow.position());
  }

  @Test
  void keysKeepFileOrderAndTheirOwnPosition() {
    YamlMap m = one("zeta: 1\nalpha: 2\nmid: 3\n");
    assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(m.keys()));
    assertEquals(new Position("t.yaml", 2, 1), m.keyPosition("alpha"));
  }

  @Test
  void oddKeysAreQuotedInPaths() {
    YamlMap m = one("labels:\n  app.kubernetes.io/name: x\n");
    YamlNode v = m.required("labels").asMap().required("app.kubernetes.io/name");
    assertEquals("labels[\"app.kubernetes.io/name\"]", v.path());
  }

  @Test
  void scalarsKeepTextKindAndQuoting() {
    YamlMap m = one("a: 1.10\nb: \"2\"\nc: yes\nd: ~\ne:\nf: 'x'\n");
    YamlScalar a = (YamlScalar) m.required("a");
    assertEquals("1.10", a.asString());
    assertEquals(YamlScalar.Kind.FLOAT, a.kind());
    assertFalse(a.quoted());
    YamlScalar b = (YamlScalar) m.required("b");
    assertTrue(b.quoted());
    assertEquals(YamlScalar.Kind.STRING, b.kind());
    assertTrue(m.required("c").asBool());
    assertFalse(m.has("d"));
    assertFalse(m.has("e"));
    assertTrue(((YamlScalar) m.required("f")).quoted());
  }

  @Test
  void typedAccessErrorsSayWhatWasExpectedAndFound() {
    YamlMap m = one("a: two\nb: \"2\"\nc: [1]\nd: 7\n");
    assertEquals("t.yaml:1:4: a: expected a whole number >= 1, got \"two\"",
        assertThrows(YamlException.class, () -> m.required("a").asInt(1)).getMessage());
    assertEquals("t.yaml:2:4: b: expected a whole number >= 0, got the quoted string \"2\" (remove the quotes)",
        assertThrows(YamlException.class, () -> m.required("b").asInt(0)).getMessage());
    assertEquals("t.yaml:3:4: c: expected a string, got a list",
        assertThrows(YamlException.class, () -> m.required("c").asString()).getMessage());
    assertEquals("t.yaml:4:4: d: expected a number in [0, 1], got 7",
        assertThrows(YamlException.class, () -> m.number("d", 0, 0, 1)).getMessage());
    assertEquals("t.yaml:1:1: missing required key \"zz\"",
        assertThrows(YamlException.class, () -> m.required("zz")).getMessage());
  }

  @Test
  void unknownKeysListTheAllowedOnesAndSuggestATypo() {
    YamlMap m = one("name: x\nreplcias: 2\n");
    YamlException e = assertThrows(YamlException.class, () -> m.allowOnly("name", "replicas", "workers"));
    assertEquals("t.yaml:2:1: replcias: unknown key \"replcias\"; did you mean \"replicas\"?"
        + " Allowed keys here: name, replicas, workers.", e.getMessage());
    YamlMap far = one("colour: red\n");
    assertEquals("t.yaml:1:1: colour: unknown key \"colour\". Allowed keys here: name.",
        assertThrows(YamlException.class, () -> far.allowOnly("name")).getMessage());
  }

  @Test
  void duplicateKeysAreAnError() {
    YamlException e = assertThrows(YamlException.class, () -> one("a: {x: 1, y: 2, x: 3}\n"));
    assertEquals("t.yaml:1:17: a.x: duplicate key \"x\" (first written at line 1, column 5)", e.getMessage());
  }

  @Test
  void malformedYamlIsOneLineAtTheProblem() {
    YamlException e = assertThrows(YamlException.class, () -> one("a: 1\n b: 2\n"));
    assertEquals("t.yaml:2:3: malformed YAML: mapping values are not allowed here", e.getMessage());
    YamlException quote = assertThrows(YamlException.class, () -> one("a: \"open\nb: 1\n"));
    assertEquals(new Position("t.yaml", 3, 1), quote.position());
    assertTrue(quote.getMessage().contains("while scanning a quoted scalar that started at line 1, column 4"),
        quote.getMessage());
    YamlException tab = assertThrows(YamlException.class, () -> one("a:\n\t- b\n"));
    assertFalse(tab.getMessage().contains("\n"), tab.getMessage());
  }

  @Test
  void multiDocumentFilesSkipEmptyDocumentsAndLabelRoots() {
    List<YamlNode> docs = YamlReader.read("a: 1\n---\n---\n# only a comment\n---\nb: [x]\n---\n", "m.yaml");
    assertEquals(2, docs.size());
    YamlNode x = docs.get(1).asMap().required("b").asList().get(0);
    assertEquals("document[1].b[0]", x.path());
    assertEquals(6, x.position().line());
    assertEquals(List.of(), YamlReader.read("# nothing\n", "e.yaml"));
  }

  @Test
  void aliasesShareTheAnchoredNode() {
    YamlMap m = one("base: &lbl {app: a}\nother: *lbl\n");
    assertSame(m.required("base"), m.required("other"));
  }

  @Test
  void stringMapsCanLowerCaseHeaderNames() {
    YamlMap m = one("headers: {X-User: jason, Accept: '*/*'}\ndup: {X-A: 1, x-a: 2}\n");
    assertEquals(List.of("x-user", "accept"), List.copyOf(m.stringMap("headers", true).keySet()));
    assertEquals("jason", m.stringMap("headers", true).get("x-user"));
    assertThrows(YamlException.class, () -> m.stringMap("dup", true));
  }
}
