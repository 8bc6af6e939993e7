package io.skein.broker.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The broker's files in a data directory: the lock that makes one host the owner, the record of
 * how to reach the server, the server's password, and the server's own files. Everything is
 * created readable by the owner only.
 */
final class DataDirectory {

    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    /** Unix socket paths longer than this do not fit in {@code sockaddr_un} on Linux and macOS. */
    private static final int MAX_SOCKET_PATH = 100;

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    /**
     * Creates the directory and its broker folders if needed, owner-only, and checks that it can be
     * written.
     */
    static DataDirectory prepare(Path root) throws BrokerException {
        DataDirectory dir = new DataDirectory(root);
        try {
            for (Path path : new Path[] {root, dir.redisDirectory(), dir.logDirectory(), dir.binDirectory()}) {
                createOwnerOnly(path);
            }
            if (!Files.exists(dir.lockFile())) {
                Files.createFile(dir.lockFile(), PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            }
            if (!Files.isWritable(dir.lockFile())) {
                throw new IOException(dir.lockFile() + " is not writable");
            }
        } catch (IOException | SecurityException e) {
            throw BrokerException.failure("Data directory " + root + " cannot be used: " + describe(e), e);
        }
        return dir;
    }

    private static void createOwnerOnly(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            try {
                Files.createDirectories(path);
            } catch (FileAlreadyExistsException e) {
                throw new IOException(path + " exists and is not a directory");
            }
        }
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view != null && !view.readAttributes().permissions().equals(OWNER_ONLY_DIR)) {
            view.setPermissions(OWNER_ONLY_DIR);
        }
        if (!Files.isWritable(path)) {
            throw new IOException(path + " is not writable");
        }
    }

    static String describe(Exception e) {
        if (e instanceof java.nio.file.FileSystemException fse) {
            String reason = fse.getReason() == null ? e.getClass().getSimpleName() : fse.getReason();
            return fse.getFile() + ": " + reason;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    Path root() {
        return root;
    }

    Path lockFile() {
        return root.resolve("broker.lock");
    }

    Path recordFile() {
        return root.resolve("broker.record");
    }

    Path secretFile() {
        return root.resolve("broker.secret");
    }

    Path redisDirectory() {
        return root.resolve("redis");
    }

    Path logDirectory() {
        return root.resolve("log");
    }

    Path binDirectory() {
        return root.resolve("bin");
    }

    Path serverConfig() {
        return redisDirectory().resolve("redis.conf");
    }

    /** The server's Unix socket, or empty when the path is too long for one (then TCP on loopback). */
    Optional<Path> socket() {
        Path socket = root.resolve("redis.sock");
        return socket.toString().length() <= MAX_SOCKET_PATH ? Optional.of(socket) : Optional.empty();
    }

    /**
     * Tries to become the owner. The returned lock is held until released or until this process
     * ends, however it ends.
     *
     * @return the lock, or empty when another process (or another broker in this one) holds it
     */
    Optional<OwnerLock> tryLock() throws BrokerException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new OwnerLock(channel, lock));
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            throw BrokerException.failure("Cannot lock " + lockFile() + ": " + describe(e), e);
        }
    }

    /** The server password, created on first use; stable so that clients reconnect after a restart. */
    String secret(boolean createIfMissing) throws BrokerException {
        Path file = secretFile();
        try {
            if (Files.exists(file)) {
                String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!secret.isEmpty()) {
                    return secret;
                }
            }
            if (!createIfMissing) {
                return null;
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = HexFormat.of().formatHex(random);
            writeOwnerOnly(file, secret + "\n");
            return secret;
        } catch (IOException e) {
            throw BrokerException.failure("Cannot read or write " + file + ": " + describe(e), e);
        }
    }

    /** Writes a file readable by the owner only, replacing any old one in one step. */
    void writeOwnerOnly(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was locked through it
            }
        }
    }

    /** The held ownership lock. */
    static final class OwnerLock implements AutoCloseable {

        private final FileChannel channel;
        private final FileLock lock;

        OwnerLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel below releases it as well
            }
            closeQuietly(channel);
        }
    }
}
