package io.skein.broker.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DataDirectoryTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void createsOwnerOnlyFolders() throws Exception {
        Path root = temp.getRoot().toPath().resolve("skein");
        DataDirectory.prepare(root);

        for (Path folder : new Path[] {root, root.resolve("redis"), root.resolve("log"), root.resolve("bin")}) {
            assertEquals(folder.toString(), "rwx------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(
                "broker.lock"))));
    }

    @Test
    public void onlyOneOwnerAtATime() throws Exception {
        DataDirectory dir = DataDirectory.prepare(temp.getRoot().toPath());
        Optional<DataDirectory.OwnerLock> first = dir.tryLock();
        assertTrue(first.isPresent());
        assertFalse("a second broker cannot own the directory", dir.tryLock().isPresent());
        first.get().close();
        assertTrue("the lock is free again", dir.tryLock().isPresent());
    }

    @Test
    public void secretIsCreatedOnceAndKeptOwnerOnly() throws Exception {
        DataDirectory dir = DataDirectory.prepare(temp.getRoot().toPath());
        assertEquals(null, dir.secret(false));
        String secret = dir.secret(true);
        assertEquals(64, secret.length());
        assertEquals(secret, dir.secret(true));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.secretFile())));
    }

    @Test
    public void aFileInTheWayIsReportedAndLeftAlone() throws Exception {
        Path file = temp.newFile("plain").toPath();
        Files.writeString(file, "keep");
        BrokerException error = assertThrows(BrokerException.class, () -> DataDirectory.prepare(file.resolve("x")));
        assertTrue(error.getMessage(), error.getMessage().startsWith("Data directory " + file.resolve("x")
                + " cannot be used: "));
        assertEquals("keep", Files.readString(file));
    }

    @Test
    public void longPathsFallBackToLoopbackTcp() throws Exception {
        Path deep = temp.getRoot().toPath().resolve("x".repeat(120));
        assertFalse(DataDirectory.prepare(deep).socket().isPresent());
        assertTrue(DataDirectory.prepare(temp.getRoot().toPath()).socket().isPresent());
    }
}
