package dev.meshsim.yaml;

/**
 * How much one input file may hold. Each limit stops a small hostile file from costing unbounded
 * memory or time before any binder sees it; each is documented in {@code docs/limits.md}.
 *
 * @param maxFileBytes bytes per input file (64 MiB by default; {@code --max-input-size})
 * @param maxLineChars characters per line: a scanner of one 10 MB line is slow in SnakeYAML, and no
 *     scenario or manifest needs lines this long
 * @param maxDepth nesting of mappings and lists (1000, as Jackson's default)
 * @param maxNodes nodes per file counted after alias expansion, so that a few kilobytes of nested
 *     aliases (a "billion laughs") cannot expand into millions of objects downstream
 */
public record ReadLimits(long maxFileBytes, int maxLineChars, int maxDepth, long maxNodes) {

  public static final long DEFAULT_MAX_FILE_BYTES = 64L << 20;
  public static final int DEFAULT_MAX_LINE_CHARS = 1 << 20;
  public static final int DEFAULT_MAX_DEPTH = 1000;
  public static final long DEFAULT_MAX_NODES = 1_000_000;
  /** Digits a number may have (Jackson's default): no setting needs more, and longer ones are slow to parse. */
  public static final int MAX_NUMBER_CHARS = 1000;

  public static final ReadLimits DEFAULT =
      new ReadLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_LINE_CHARS, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES);

  public ReadLimits {
    if (maxFileBytes < 1 || maxLineChars < 1 || maxDepth < 1 || maxNodes < 1) {
      throw new IllegalArgumentException("read limits must be >= 1");
    }
  }

  /** The same limits with another per-file size. */
  public ReadLimits withMaxFileBytes(long bytes) {
    return new ReadLimits(bytes, maxLineChars, maxDepth, maxNodes);
  }
}
