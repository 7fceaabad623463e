package dev.meshsim.engine;

import java.util.Arrays;

/**
 * Sorts slot numbers by their entries' sequence numbers: how {@link EventQueue} restores
 * scheduling (FIFO) order in a tie group. Insertion sort for the short groups ties usually make, a
 * merge sort for long ones; sequence numbers are distinct, so stability does not matter.
 */
final class SeqSort {
  private static final int INSERTION_SORT_MAX = 24;

  private SeqSort() {}

  /** Sorts {@code slots[0..n)} by {@code seq[slot]}. */
  static void sort(int[] slots, int n, long[] seq) {
    if (n <= INSERTION_SORT_MAX) {
      insertionSort(slots, 0, n, seq);
    } else {
      mergeSort(slots, Arrays.copyOf(slots, n), 0, n, seq);
    }
  }

  private static void insertionSort(int[] a, int from, int to, long[] seq) {
    for (int i = from + 1; i < to; i++) {
      int s = a[i];
      long k = seq[s];
      int j = i - 1;
      while (j >= from && seq[a[j]] > k) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = s;
    }
  }

  /** Sorts {@code a[from..to)}, using {@code tmp}, which holds the same elements, as scratch. */
  private static void mergeSort(int[] a, int[] tmp, int from, int to, long[] seq) {
    if (to - from <= INSERTION_SORT_MAX) {
      insertionSort(a, from, to, seq);
      return;
    }
    int mid = (from + to) >>> 1;
    // Sort both halves in tmp, then merge them into a.
    mergeSort(tmp, a, from, mid, seq);
    mergeSort(tmp, a, mid, to, seq);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && seq[tmp[i]] < seq[tmp[j]])) {
        a[k] = tmp[i++];
      } else {
        a[k] = tmp[j++];
      }
    }
  }
}
