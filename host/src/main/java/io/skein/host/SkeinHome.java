package io.skein.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The data directory: {@code SKEIN_HOME}, else {@code $XDG_DATA_HOME/skein}, else
 * {@code ~/.local/share/skein}. It holds the configuration ({@code etc/}), the deploy folder, the
 * logs, the broker's files, and one framework cache per running host ({@code run/}).
 */
final class SkeinHome {

    private SkeinHome() {
    }

    static Path resolve(Map<String, String> env) throws HostException {
        String explicit = env.get("SKEIN_HOME");
        Path home;
        if (explicit != null && !explicit.isBlank()) {
            home = Path.of(explicit);
        } else if (env.get("XDG_DATA_HOME") != null && !env.get("XDG_DATA_HOME").isBlank()) {
            home = Path.of(env.get("XDG_DATA_HOME"), "skein");
        } else {
            home = Path.of(System.getProperty("user.home"), ".local", "share", "skein");
        }
        home = home.toAbsolutePath().normalize();
        try {
            createOwnerOnly(home);
            for (String folder : new String[] {"etc", "deploy", "log", "run"}) {
                createOwnerOnly(home.resolve(folder));
            }
        } catch (IOException e) {
            throw new HostException("cannot use data directory " + home + ": " + e.getMessage(), e);
        }
        return home;
    }

    static void createOwnerOnly(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
