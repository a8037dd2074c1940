package dev.automations.secret.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys secrets are sealed with (§13), as {@code automations.secret-keys} lists them: the first seals,
 * all open. Error messages may name a key's id and position but never its material, since they end up in logs.
 */
public final class SecretKeys {

    static final String CONFIG_KEY = "automations.secret-keys";
    static final String FILE_NAME = "secret-keys";
    static final int KEY_BYTES = 32;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final String AES = "AES";

    private final Map<String, SecretKey> byId;
    private final String primaryId;

    private SecretKeys(Map<String, SecretKey> byId) {
        this.byId = Collections.unmodifiableMap(byId);
        this.primaryId = byId.keySet().iterator().next();
    }

    /** @throws IllegalArgumentException naming what is wrong with the list */
    public static SecretKeys parse(String configValue) {
        return parse(configValue, CONFIG_KEY);
    }

    /**
     * The keys kept in {@code <dataDir>/secret-keys}, generating one there first if there is none yet. The file holds
     * a value {@code automations.secret-keys} accepts, so an operator can move it into configuration as it is.
     *
     * @throws IllegalArgumentException if the file exists but is not a valid key list
     * @throws UncheckedIOException     if the file can be neither read nor created
     */
    public static SecretKeys loadOrGenerate(Path dataDir, Logger log) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            boolean generated = !Files.exists(file) && createOnce(dataDir, file, generatedEntry());
            SecretKeys keys = parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            // Instances with separate data dirs would each generate their own key and fail to open each other's secrets.
            String origin = (generated ? "Generated secret key '%s' into %s" : "Using secret key '%s' from %s")
                    .formatted(keys.primaryId, file);
            log.warning(origin + "; set " + CONFIG_KEY + " for production and for more than one instance");
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file + "; set " + CONFIG_KEY + " instead", e);
        }
    }

    public String primaryId() {
        return primaryId;
    }

    /** The key ids in configured order, the sealing one first: safe to log. */
    public Set<String> ids() {
        return byId.keySet();
    }

    SecretKey primary() {
        return byId.get(primaryId);
    }

    Optional<SecretKey> key(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static SecretKeys parse(String list, String source) {
        if (list == null || list.isBlank()) {
            throw new IllegalArgumentException(source + " lists no keys");
        }
        Map<String, SecretKey> byId = new LinkedHashMap<>();
        String[] entries = list.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String where = source + ", entry " + (i + 1) + ": ";
            String entry = entries[i];
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(where + "expected id:base64-key");
            }
            String id = entry.substring(0, colon).strip();
            if (!ID.matcher(id).matches()) {
                // Not echoed: a malformed id may be a key pasted into the wrong place.
                throw new IllegalArgumentException(where + "key id must be 1 to 32 characters of A-Z a-z 0-9 _ -");
            }
            byte[] key = decode(entry.substring(colon + 1).strip(), where + "key '" + id + "' ");
            if (byId.put(id, new SecretKeySpec(key, AES)) != null) {
                throw new IllegalArgumentException(where + "key id '" + id + "' is listed twice");
            }
        }
        return new SecretKeys(byId);
    }

    private static byte[] decode(String base64, String what) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character, a piece of the key.
            throw new IllegalArgumentException(what + "is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(what + "must be " + KEY_BYTES + " bytes, is " + key.length);
        }
        return key;
    }

    private static String generatedEntry() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        // A random id, so keys generated by different instances never share one if an operator combines them later.
        return "generated-" + HexFormat.of().formatHex(suffix) + ":" + Base64.getEncoder().encodeToString(key) + "\n";
    }

    /**
     * Writes the file complete under a temporary name and hard-links it into place: linking fails if the name is
     * taken, so of instances starting together on one data dir exactly one wins, and none ever reads a partial file.
     *
     * @return false if another instance created the file first
     */
    private static boolean createOnce(Path dataDir, Path file, String content) throws IOException {
        Files.createDirectories(dataDir);
        Path temporary = Files.createTempFile(dataDir, "." + FILE_NAME + "-", ".tmp", ownerOnly(dataDir));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
                // On disk before it is linked: a key lost to a power cut would take every secret sealed with it along.
                channel.force(true);
            }
            Files.createLink(file, temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.delete(temporary);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
