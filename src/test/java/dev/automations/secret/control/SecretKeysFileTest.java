package dev.automations.secret.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys generated into the data dir when none are configured. */
class SecretKeysFileTest {

    private static final Pattern GENERATED = Pattern.compile("(generated-[0-9a-f]{8}):([A-Za-z0-9+/=]+)\n");

    @TempDir
    Path temp;

    private final List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
    private final Logger log = capturingLogger();

    @Test
    void generatesOneKeyOnceAndReusesIt() throws Exception {
        Path dataDir = temp.resolve("data");
        SecretKeys first = SecretKeys.loadOrGenerate(dataDir, log);
        Path file = dataDir.resolve("secret-keys");
        String content = Files.readString(file, StandardCharsets.UTF_8);
        Matcher entry = GENERATED.matcher(content);
        assertTrue(entry.matches(), "one generated entry per line");
        assertEquals(entry.group(1), first.primaryId());
        assertEquals(32, Base64.getDecoder().decode(entry.group(2)).length);
        try (Stream<Path> files = Files.list(dataDir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }

        SecretKeys second = SecretKeys.loadOrGenerate(dataDir, log);
        assertEquals(content, Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(first.primaryId(), second.primaryId());
        assertEquals("x", new SecretBox(second).open(new SecretBox(first).seal("x")));

        assertEquals(2, logged.size());
        assertTrue(message(0).startsWith("Generated secret key '" + first.primaryId() + "' into " + file), message(0));
        assertTrue(message(1).startsWith("Using secret key '" + first.primaryId() + "' from " + file), message(1));
        for (int i = 0; i < logged.size(); i++) {
            assertEquals(Level.WARNING, logged.get(i).getLevel());
            assertTrue(message(i).contains("set automations.secret-keys for production"), message(i));
            assertFalse(message(i).contains(entry.group(2).substring(0, 8)), message(i));
        }
    }

    @Test
    void theFileIsForItsOwnerOnly() throws Exception {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
        SecretKeys.loadOrGenerate(temp, log);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("secret-keys"))));
    }

    @Test
    void eachDataDirGetsItsOwnKey() {
        SecretKeys one = SecretKeys.loadOrGenerate(temp.resolve("one"), log);
        SecretKeys two = SecretKeys.loadOrGenerate(temp.resolve("two"), log);
        assertFalse(one.primaryId().equals(two.primaryId()));
        Sealed sealed = new SecretBox(one).seal("x");
        assertThrows(UnreadableSecretException.class, () -> new SecretBox(two).open(sealed));
    }

    @Test
    void instancesStartingTogetherAgreeOnOneKey() throws Exception {
        int instances = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<SecretKeys>> starting = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                starting.add(pool.submit(() -> {
                    start.await();
                    return SecretKeys.loadOrGenerate(temp, log);
                }));
            }
            start.countDown();
            Sealed sealed = new SecretBox(starting.get(0).get()).seal("shared");
            for (Future<SecretKeys> keys : starting) {
                assertEquals("shared", new SecretBox(keys.get()).open(sealed));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, logged.stream().filter(r -> r.getMessage().startsWith("Generated")).count());
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(temp.resolve("secret-keys")), files.toList());
        }
    }

    @Test
    void anExistingFileIsUsedAsItIs() throws Exception {
        String list = "ops-1:" + TestKeys.randomKey() + ",old:" + TestKeys.randomKey() + "\n";
        Files.writeString(temp.resolve("secret-keys"), list, StandardCharsets.UTF_8);
        SecretKeys keys = SecretKeys.loadOrGenerate(temp, log);
        assertEquals("ops-1", keys.primaryId());
        assertTrue(keys.key("old").isPresent());
        assertEquals(list, Files.readString(temp.resolve("secret-keys"), StandardCharsets.UTF_8));
    }

    @Test
    void aDamagedFileIsNamedNotShown() throws Exception {
        String key = Base64.getEncoder().encodeToString(new byte[31]);
        Path file = temp.resolve("secret-keys");
        Files.writeString(file, "k1:" + key, StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecretKeys.loadOrGenerate(temp, log));
        assertEquals(file + ", entry 1: key 'k1' must be 32 bytes, is 31", e.getMessage());
    }

    private String message(int index) {
        return logged.get(index).getMessage();
    }

    private Logger capturingLogger() {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return logger;
    }
}
