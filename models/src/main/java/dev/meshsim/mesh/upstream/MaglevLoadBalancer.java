package dev.meshsim.mesh.upstream;

import java.util.Arrays;

/**
 * Envoy's MAGLEV ({@code maglev_lb.cc}; Eisenbud et al., NSDI 2016, pseudocode listing 1) with equal
 * host weights: a table of {@code M} entries (a prime, 65537 by default); each host, in order of its
 * {@code ip:port}, has the preference list {@code (offset + skip * j) mod M} with {@code offset =
 * xxHash64(addr) mod M} and {@code skip = xxHash64(addr, seed 1) mod (M-1) + 1}; the hosts take turns
 * claiming their next free preferred entry until the table is full. A request goes to entry {@code
 * hash mod M}. Every host gets {@code floor(M/n)} or {@code ceil(M/n)} entries; removing a host
 * moves its entries and, as the fill reshuffles, some others too (Envoy's docs: about twice what
 * ring hash moves).
 *
 * <p>The table is stored as candidate positions in the narrowest array that holds them (Envoy's
 * compact Maglev does the same with a bit array), since every sidecar that uses the cluster keeps
 * one.
 */
public final class MaglevLoadBalancer extends HashingLoadBalancer {
  /** Envoy's {@code MaglevTable::DefaultTableSize}; Istio's {@code maglev.tableSize} default. */
  public static final long DEFAULT_TABLE_SIZE = 65537;

  private final int tableSize;

  /**
   * @param tableSize a prime (Istio validates it); 0 for the default 65537
   */
  public MaglevLoadBalancer(long tableSize) {
    long size = tableSize > 0 ? tableSize : DEFAULT_TABLE_SIZE;
    if (size < 2 || size > Integer.MAX_VALUE || !java.math.BigInteger.valueOf(size).isProbablePrime(30)) {
      throw new IllegalArgumentException("The table size of maglev must be prime number: " + size);
    }
    this.tableSize = (int) size;
  }

  @Override
  MaglevTable build(String[] candidateAddresses) {
    return MaglevTable.build(candidateAddresses, tableSize);
  }

  static final class MaglevTable implements Table {
    private final int size;
    private final byte[] bytes;
    private final short[] shorts;
    private final int[] ints;

    private MaglevTable(int size, int hosts) {
      this.size = size;
      this.bytes = hosts <= 256 ? new byte[size] : null;
      this.shorts = hosts > 256 && hosts <= 65536 ? new short[size] : null;
      this.ints = hosts > 65536 ? new int[size] : null;
    }

    static MaglevTable build(String[] addresses, int size) {
      int n = addresses.length;
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      // Envoy sorts the hosts by the key it hashes so that the fill order is stable.
      Arrays.sort(order, (a, b) -> addresses[a].compareTo(addresses[b]));
      long[] offset = new long[n];
      long[] skip = new long[n];
      long[] next = new long[n];
      for (int k = 0; k < n; k++) {
        String key = addresses[order[k]];
        offset[k] = Long.remainderUnsigned(XxHash64.hash(key, 0), size);
        skip[k] = Long.remainderUnsigned(XxHash64.hash(key, 1), size - 1) + 1;
      }
      MaglevTable table = new MaglevTable(size, n);
      boolean[] taken = new boolean[size];
      int filled = 0;
      while (filled < size) {
        for (int k = 0; k < n && filled < size; k++) {
          int c = (int) ((offset[k] + skip[k] * next[k]) % size);
          while (taken[c]) {
            next[k]++;
            c = (int) ((offset[k] + skip[k] * next[k]) % size);
          }
          taken[c] = true;
          table.set(c, order[k]);
          next[k]++;
          filled++;
        }
      }
      return table;
    }

    private void set(int entry, int position) {
      if (bytes != null) {
        bytes[entry] = (byte) position;
      } else if (shorts != null) {
        shorts[entry] = (short) position;
      } else {
        ints[entry] = position;
      }
    }

    int entry(int index) {
      if (bytes != null) {
        return bytes[index] & 0xFF;
      }
      return shorts != null ? shorts[index] & 0xFFFF : ints[index];
    }

    int size() {
      return size;
    }

    /**
     * Entry {@code hash mod M}; a re-pick for the retry host predicate flips the hash with {@code
     * ~0 - attempt + 1} first, as Envoy does.
     */
    @Override
    public int position(long hash, int attempt) {
      long h = attempt > 0 ? hash ^ (-1L - attempt + 1) : hash;
      return entry((int) Long.remainderUnsigned(h, size));
    }
  }
}
