package dev.vulcan.tool.githistory.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Maps the paths a commit knows to the paths of the same files at the analyzed commit (renames followed). One
 * instance may be shared by several commits waiting in the walk (a merge hands its map to all its parents);
 * it is copied only when a shared instance must change (copy on write), so a history without renames copies
 * nothing.
 */
final class PathMap {

    private final Map<String, String> toCurrent;
    private int holders;

    private PathMap(Map<String, String> toCurrent) {
        this.toCurrent = toCurrent;
        this.holders = 1;
    }

    /**
     * Returns the identity map of the files of the analyzed commit.
     *
     * @param currentPaths the paths at the analyzed commit
     * @return a map held once
     */
    static PathMap identity(Iterable<String> currentPaths) {
        Map<String, String> map = new HashMap<>();
        for (String path : currentPaths) {
            map.put(path, path);
        }
        return new PathMap(map);
    }

    /**
     * Returns the current path of a path, or null when the file at that path is not a current file.
     *
     * @param path a path in the commit that holds this map
     * @return the current path or null
     */
    String current(String path) {
        return toCurrent.get(path);
    }

    /** Records one more holder of this instance. */
    PathMap share() {
        holders++;
        return this;
    }

    /** Records that a holder dropped this instance. */
    void release() {
        holders--;
    }

    /**
     * Returns a map this holder may change: this one when held once, else a private copy (and this one is
     * released).
     *
     * @return a map held once, by the caller
     */
    PathMap writable() {
        if (holders <= 1) {
            return this;
        }
        holders--;
        return new PathMap(new HashMap<>(toCurrent));
    }

    /**
     * Changes this map (which must be {@link #writable()}): the file at {@code newPath} was at {@code oldPath}
     * before the change.
     */
    void rename(String oldPath, String newPath) {
        String current = toCurrent.remove(newPath);
        if (current != null) {
            toCurrent.put(oldPath, current);
        }
    }

    /** Changes this map (which must be {@link #writable()}): nothing was at {@code path} before the change. */
    void remove(String path) {
        toCurrent.remove(path);
    }

    /**
     * Merges the map another child hands to the same parent: entries of this map win; the other is released.
     *
     * @param other the other map
     * @return the merged map, held once by the parent
     */
    PathMap union(PathMap other) {
        Objects.requireNonNull(other, "other");
        if (other == this) {
            holders--;
            return this;
        }
        PathMap target = writable();
        for (Map.Entry<String, String> e : other.toCurrent.entrySet()) {
            target.toCurrent.putIfAbsent(e.getKey(), e.getValue());
        }
        other.release();
        return target;
    }
}
