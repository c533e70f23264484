package dev.vulcan.telemetry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The secret key of a fleet, used to compute {@code repo_hash} with HMAC-SHA256. It is kept by the fleet
 * operator outside the pings (a file of 64+ hex characters, 32+ bytes), so a {@code repo_hash} cannot be
 * reversed by hashing a guessed "owner/name". Losing the key breaks the join between batches; leaking it lets a
 * reader test guesses. {@link #toString()} never shows the key.
 */
public final class FleetKey {

    /** The minimum key length in bytes. */
    public static final int MIN_BYTES = 32;

    private final byte[] key;

    private FleetKey(byte[] key) {
        this.key = key.clone();
    }

    /**
     * Creates a key from bytes.
     *
     * @param key at least {@value #MIN_BYTES} bytes
     * @return the key
     * @throws IllegalArgumentException if the key is too short
     */
    public static FleetKey of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("a fleet key needs at least " + MIN_BYTES + " bytes, got " + key.length);
        }
        return new FleetKey(key);
    }

    /**
     * Reads a key file: hex characters (surrounding whitespace ignored).
     *
     * @param file the key file
     * @return the key
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file if it does not hold at least 64 hex characters
     */
    public static FleetKey read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": a fleet key file holds hex characters only", e);
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException(file + ": a fleet key needs at least " + 2 * MIN_BYTES
                    + " hex characters, got " + text.length());
        }
        return new FleetKey(bytes);
    }

    /**
     * Reads a key file, or creates it with a fresh random key (owner read/write only where POSIX permissions
     * exist) when it does not exist.
     *
     * @param file the key file
     * @return the key
     * @throws IOException if the file cannot be read or created
     */
    public static FleetKey readOrCreate(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] bytes = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(bytes);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            return read(file);
        }
        Files.writeString(file, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.US_ASCII);
        return new FleetKey(bytes);
    }

    /**
     * Returns a copy of the key bytes.
     *
     * @return the bytes
     */
    byte[] bytes() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FleetKey other && java.security.MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "FleetKey[" + key.length + " bytes]";
    }
}
