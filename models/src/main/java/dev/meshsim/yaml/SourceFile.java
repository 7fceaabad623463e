package dev.meshsim.yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * One file a run read, with its identity: the file key (device and inode on Unix) after following
 * symbolic links, taken when it was read. Two names of one file (a symlink, a hard link, {@code
 * ./a} and {@code a}) are the same {@link SourceFile}.
 *
 * @param path the path as the run named it
 * @param fileKey the file system's identity of the file, or null where the platform has none
 */
public record SourceFile(Path path, Object fileKey) {

  public SourceFile {
    Objects.requireNonNull(path, "path");
  }

  /**
   * Whether {@code other} names this file. Compared by file key when both have one, else with
   * {@link Files#isSameFile}; a file that no longer exists is not the same as anything.
   */
  public boolean isSameFileAs(Path other) {
    try {
      if (!Files.exists(other)) {
        return false;
      }
      Object otherKey = Files.readAttributes(other, BasicFileAttributes.class).fileKey();
      if (fileKey != null && otherKey != null) {
        return fileKey.equals(otherKey);
      }
      return Files.exists(path) && Files.isSameFile(path, other);
    } catch (IOException e) {
      return false;
    }
  }
}
