package io.skein.broker.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the redis-server to run: the configured one, else one on the PATH, else the binary
 * shipped inside this bundle (from the {@code embedded-redis} artifact), extracted once into the
 * data directory, checked against the shipped bytes and made executable.
 */
final class RedisExecutable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisExecutable.class);

    /** Skein uses stream commands that appeared in Redis 6.2 (XAUTOCLAIM, exclusive ranges). */
    static final int[] MINIMUM_VERSION = {6, 2};

    private static final Pattern VERSION = Pattern.compile("v=(\\d+)\\.(\\d+)\\.(\\d+)");

    private RedisExecutable() {
    }

    /**
     * Locates a usable redis-server.
     *
     * @param configured the configured program, or {@code null}
     * @param binDirectory where the shipped binary is extracted
     * @param resources the bundle's resources, by name
     * @param environment to read {@code PATH}
     */
    static Path locate(Path configured, Path binDirectory, Function<String, URL> resources,
            Function<String, String> environment) throws BrokerException {
        if (configured != null) {
            if (!Files.isRegularFile(configured) || !Files.isExecutable(configured)) {
                throw BrokerException.configuration("executable \"" + configured
                        + "\" is not an executable file");
            }
            checkVersion(configured);
            return configured;
        }
        Optional<Path> onPath = onPath(environment.apply("PATH"));
        if (onPath.isPresent()) {
            try {
                checkVersion(onPath.get());
                return onPath.get();
            } catch (BrokerException e) {
                LOG.warn("Ignoring {}: {}; using the redis-server shipped with Skein", onPath.get(), e.getMessage());
            }
        }
        return extractShipped(binDirectory, resources);
    }

    private static Optional<Path> onPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                Path candidate = Path.of(entry, "redis-server");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Runs {@code redis-server --version} and rejects servers older than {@link #MINIMUM_VERSION}. */
    static String checkVersion(Path executable) throws BrokerException {
        String output;
        try {
            Process process = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            output = new String(process.getInputStream().readAllBytes()).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            throw BrokerException.failure(executable + " cannot be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BrokerException.failure("Interrupted while checking " + executable, e);
        }
        Matcher matcher = VERSION.matcher(output);
        if (!matcher.find()) {
            throw BrokerException.failure(executable + " does not look like redis-server (it printed \""
                    + output + "\")");
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        if (major < MINIMUM_VERSION[0] || major == MINIMUM_VERSION[0] && minor < MINIMUM_VERSION[1]) {
            throw BrokerException.failure(executable + " is Redis " + major + "." + minor
                    + "; Skein needs " + MINIMUM_VERSION[0] + "." + MINIMUM_VERSION[1] + " or newer");
        }
        return major + "." + minor + "." + matcher.group(3);
    }

    /** The name of the shipped binary for this machine, as packed by bnd.bnd. */
    static String shippedName(String osName, String osArch) throws BrokerException {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.contains("linux") && x64) {
            return "redis-server-6.2.6-v5-linux-amd64";
        }
        if (os.contains("linux") && arm64) {
            return "redis-server-6.2.7-linux-arm64";
        }
        if (os.contains("mac") && x64) {
            return "redis-server-6.2.6-v5-darwin-amd64";
        }
        if (os.contains("mac") && arm64) {
            return "redis-server-6.2.6-v5-darwin-arm64";
        }
        throw BrokerException.failure("Skein ships no redis-server for " + osName + "/" + osArch
                + "; install Redis 6.2 or newer on the PATH, or set executable in " + BrokerConfig.PID);
    }

    /**
     * Extracts the shipped binary once. Its SHA-256 is written beside it at extraction and checked
     * against the file at every start, so a damaged or replaced binary is extracted again.
     */
    private static Path extractShipped(Path binDirectory, Function<String, URL> resources) throws BrokerException {
        String name = shippedName(System.getProperty("os.name"), System.getProperty("os.arch"));
        Path target = binDirectory.resolve(name);
        Path checksum = binDirectory.resolve(name + ".sha256");
        try {
            if (Files.isRegularFile(target) && Files.isRegularFile(checksum)
                    && Files.readString(checksum).trim().equals(sha256(target.toUri().toURL()))) {
                ensureExecutable(target);
                return target;
            }
            URL resource = resources.apply("redis/" + name);
            if (resource == null) {
                throw BrokerException.failure("The broker bundle lacks redis/" + name + "; rebuild Skein");
            }
            Path temporary = binDirectory.resolve(name + ".part-" + ProcessHandle.current().pid());
            try (InputStream in = resource.openStream()) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            String shipped = sha256(resource);
            if (!shipped.equals(sha256(temporary.toUri().toURL()))) {
                Files.deleteIfExists(temporary);
                throw BrokerException.failure("Extracting " + name + " into " + binDirectory
                        + " gave different bytes; is the disk full?");
            }
            ensureExecutable(temporary);
            Files.writeString(checksum, shipped + "\n");
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Extracted the shipped redis-server to {}", target);
            return target;
        } catch (IOException e) {
            throw BrokerException.failure("Cannot extract redis-server into " + binDirectory + ": "
                    + DataDirectory.describe(e), e);
        }
    }

    private static void ensureExecutable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    private static String sha256(URL url) throws IOException {
        try (InputStream in = new DigestInputStream(url.openStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
