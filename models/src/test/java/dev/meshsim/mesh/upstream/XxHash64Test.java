package dev.meshsim.mesh.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * XXH64 against libxxhash 0.8.1 ({@code XXH64(data, len, seed)} called through ctypes), over inputs
 * of bytes 0,1,2,… whose lengths cover every branch: the 32-byte stripes, the 8-, 4- and 1-byte
 * tails, and their combinations.
 */
class XxHash64Test {
  private static final byte[] DATA = new byte[512];

  static {
    for (int i = 0; i < DATA.length; i++) {
      DATA[i] = (byte) i;
    }
  }

  /** {length, seed, XXH64}. */
  private static final long[][] VECTORS = {
      {0, 0, 0xef46db3751d8e999L}, {0, 1, 0xd5afba1336a3be4bL},
      {1, 0, 0xe934a84adb052768L}, {1, 1, 0x771917c7f6ee2451L},
      {3, 0, 0xe5c7bb4533bc65ddL}, {3, 1, 0xa2168d89c582b451L},
      {4, 0, 0xffced8604453cc1eL}, {4, 1, 0x94506f8c7e5870a9L},
      {5, 0, 0xdd0274386e26030cL}, {5, 1, 0x27ce45508b78a340L},
      {7, 0, 0x14cc643f630c72d2L}, {7, 1, 0xaf4c5311c47c77b7L},
      {8, 0, 0x884a173614b81b8dL}, {8, 1, 0x9d2b7c7354fe4e23L},
      {9, 0, 0x67d85784a7c78c5bL}, {9, 1, 0x3d785c4fd0f41ca4L},
      {15, 0, 0xa948f5f0f6abac2dL}, {15, 1, 0xc60aa95976ed0e4eL},
      {16, 0, 0x44b6ef2fb84169f7L}, {16, 1, 0xdd4230f47b0d28c1L},
      {31, 0, 0xc346d2b59b4d8ee1L}, {31, 1, 0xf031031d65977dfcL},
      {32, 0, 0xcbf59c5116ff32b4L}, {32, 1, 0xd74e6766ce9dba94L},
      {33, 0, 0x0c535d1acafb8eadL}, {33, 1, 0xa371825f4210fe99L},
      {63, 0, 0xe26aa9e2a95f8e4fL}, {63, 1, 0x5264ec0719e10595L},
      {64, 0, 0xf7c67301db6713f0L}, {64, 1, 0x3ce5bdf7575926c0L},
      {65, 0, 0xc31eb63b2ae4465bL}, {65, 1, 0xc99ab598618e37c3L},
      {100, 0, 0x6ac1e58032166597L}, {100, 1, 0x3d19a3a2098a7023L},
      {257, 0, 0x80381162756d40e6L}, {257, 1, 0x44f26c5165342255L},
  };

  @Test
  void matchesTheReferenceImplementation() {
    for (long[] v : VECTORS) {
      assertEquals(v[2], XxHash64.hash(DATA, 0, (int) v[0], v[1]), "length " + v[0] + ", seed " + v[1]);
    }
  }

  @Test
  void hashesStringsAsUtf8() {
    assertEquals(0x44bc2cf5ad770999L, XxHash64.hash("abc"));
    assertEquals(0x32dd38952c4bc720L, XxHash64.hash("xxhash"));
    assertEquals(0xb559b98d844e0635L, XxHash64.hash("xxhash", 20141025));
    assertEquals(0x23a29ae775dfd4a3L, XxHash64.hash("10.0.0.1:8080_0"));
    assertEquals(0xfbcea83c8a378bf1L, XxHash64.hash("Nobody inspects the spammish repetition"));
  }

  @Test
  void anOffsetIntoTheArrayHashesTheSameBytes() {
    byte[] shifted = new byte[DATA.length + 3];
    System.arraycopy(DATA, 0, shifted, 3, DATA.length);
    assertEquals(XxHash64.hash(DATA, 0, 100, 0), XxHash64.hash(shifted, 3, 100, 0));
  }
}
