package dev.meshsim.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.inspect.snapshot.InspectException;
import dev.meshsim.inspect.snapshot.Snapshot.TypeSync;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewsTest {
  @Test
  void statusWordsFollowIstioctl() {
    assertEquals("NOT SENT", ProxyStatusView.status(new TypeSync("CDS", -1, -1)));
    assertEquals("SYNCED", ProxyStatusView.status(new TypeSync("CDS", 3, 3)));
    assertEquals("STALE (Never Acknowledged)", ProxyStatusView.status(new TypeSync("CDS", -1, 0)));
    assertEquals("STALE (applied 2, sent 3)", ProxyStatusView.status(new TypeSync("CDS", 2, 3)));
  }

  @Test
  void tablesPadEveryColumnButTheLastByFive() {
    TextTable t = new TextTable("NAME", "X");
    t.add("abcdef", "1");
    assertEquals("NAME       X\nabcdef     1\n", t.render());
  }

  @Test
  void didYouMeanNamesTheNearestOnlyWhenClose() {
    assertEquals("; did you mean 'to-reviews'?", Names.didYouMean("to-reveiws", List.of("to-ratings", "to-reviews")));
    assertEquals("", Names.didYouMean("productpage", List.of("to-ratings", "to-reviews")));
  }

  @Test
  void instantsAreParsedSortedAndBounded() {
    assertEquals(List.of(1_000_000_000L, 2_500_000_000L), SnapshotRecorder.instants("2.5s,1s,1s", 10_000_000_000L));
    assertEquals(List.of(4_000_000_000L, 8_000_000_000L), SnapshotRecorder.instants("every:4s", 10_000_000_000L));
    var e = assertThrows(InspectException.class, () -> SnapshotRecorder.instants("11s", 10_000_000_000L));
    assertTrue(e.getMessage().contains("outside the run"), e.getMessage());
    assertThrows(InspectException.class, () -> SnapshotRecorder.instants("soon", 10_000_000_000L));
  }

  @Test
  void domainsFollowIstiodForSameAndOtherNamespace() {
    assertEquals(List.of("reviews.default.svc.cluster.local", "reviews", "reviews.default.svc", "reviews.default"),
        RouteCapture.domains("reviews.default.svc.cluster.local", "default"));
    assertEquals(List.of("reviews.default.svc.cluster.local", "reviews.default.svc", "reviews.default"),
        RouteCapture.domains("reviews.default.svc.cluster.local", "other"));
  }

  @Test
  void aServiceEntryHostIsNotExpandedAsAKubernetesName() {
    assertEquals(List.of("*.wikipedia.org"), RouteCapture.domains("*.wikipedia.org", "wikipedia"));
    assertEquals(List.of("api.example.com"), RouteCapture.domains("api.example.com", "example"));
  }

  @Test
  void controlCharactersInMessagesAreEscaped() {
    assertEquals("no pod 'a\\u001b[31m'", new InspectException("no pod 'a\u001b[31m'").getMessage());
  }
}
