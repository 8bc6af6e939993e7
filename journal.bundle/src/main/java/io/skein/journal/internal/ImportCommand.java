package io.skein.journal.internal;

import io.skein.journal.JournalException;
import io.skein.journal.JournalService;
import io.skein.journal.internal.importers.ImportRecord;
import io.skein.journal.internal.importers.Importer;
import io.skein.journal.internal.importers.Importers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code journal:import} (the method is {@code _import}: Gogo drops the underscore, Java keeps the
 * keyword free): reads Day One, jrnl and Obsidian exports (the format detected, or named)
 * and saves their entries, showing a progress bar on standard error for long imports. Every record
 * that cannot be saved is reported with its file and position and skipped; the others are saved.
 * When anything was skipped the command fails after its report, so that scripts notice.
 */
@Component(service = ImportCommand.class, property = {
    "osgi.command.scope=journal",
    "osgi.command.function=import"
})
public final class ImportCommand {

    /** Imports with more records than this show a progress bar. */
    private static final int BAR_FROM = 50;

    /** How long a save waits for the journal to come back (the broker bundle being updated, say). */
    private static final long OUTAGE_MILLIS = 60_000;

    /**
     * Dynamic, so that an import in progress outlives a restart of the journal (which follows the
     * broker): each save uses the journal that is there now, and waits for one while there is none.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile JournalService journal;

    @Descriptor("Imports Day One (.json or .zip), jrnl (.json) or Obsidian daily notes (folder of YYYY-MM-DD.md)")
    public String _import(
            @Descriptor("journal") @Parameter(names = {"-j", "--journal"}, absentValue = "default") String name,
            @Descriptor("format: dayone, jrnl or obsidian (detected when absent)")
            @Parameter(names = {"-f", "--format"}, absentValue = "") String format,
            @Descriptor("files or folders") String... paths) throws JournalException {
        if (paths.length == 0) {
            throw new IllegalArgumentException("journal:import needs a file or folder to import");
        }
        if (journal == null) {
            throw new IllegalStateException("The journal is not available: see broker:info");
        }
        int saved = 0;
        List<String> skipped = new ArrayList<>();
        for (String given : paths) {
            Path path = Path.of(given);
            List<ImportRecord> records;
            try {
                Importer importer = format.isEmpty() ? Importers.detect(path) : Importers.named(format);
                records = importer.read(path, name);
            } catch (IOException | IllegalArgumentException e) {
                // a message that names the path already says where
                String message = String.valueOf(e.getMessage());
                skipped.add(message.contains(given) ? message : given + ": " + message);
                continue;
            }
            saved += save(records, path, skipped);
        }
        String report = "imported " + saved + " entr" + (saved == 1 ? "y" : "ies") + " into " + name
                + (skipped.isEmpty() ? "" : "; skipped " + skipped.size() + ":\n  " + String.join("\n  ", skipped));
        if (!skipped.isEmpty()) {
            throw new JournalException(report);
        }
        return report;
    }

    private int save(List<ImportRecord> records, Path path, List<String> skipped) {
        int saved = 0;
        try (ProgressBar bar = records.size() < BAR_FROM ? null : bar(path, records.size())) {
            for (ImportRecord record : records) {
                if (record.hasProblem()) {
                    skipped.add(record.problemLine());
                } else {
                    try {
                        saveThroughOutages(record);
                        saved++;
                    } catch (JournalException e) {
                        skipped.add(ImportRecord.line(record.file(), record.position(), e.getMessage()));
                    }
                }
                if (bar != null) {
                    bar.step();
                }
            }
        }
        return saved;
    }

    /** Saves a record; while the journal or the broker is away, waits for it (up to a minute). */
    private void saveThroughOutages(ImportRecord record) throws JournalException {
        long deadline = System.currentTimeMillis() + OUTAGE_MILLIS;
        while (true) {
            JournalService current = journal;
            try {
                if (current != null) {
                    current.save(record.draft());
                    return;
                }
            } catch (JournalException | RuntimeException e) {
                boolean invalid = e instanceof JournalException && !(e.getCause() instanceof RuntimeException);
                if (invalid || System.currentTimeMillis() > deadline) {
                    throw e instanceof JournalException je ? je
                            : new JournalException("The journal failed: " + e.getMessage(), e);
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new JournalException("The journal was not available for " + OUTAGE_MILLIS / 1000 + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JournalException("Interrupted while waiting for the journal", e);
            }
        }
    }

    /** A bar on standard error; none where the terminal library cannot make one (the import goes on). */
    private static ProgressBar bar(Path path, int total) {
        PrintStream err = System.err;
        try {
            return new ProgressBarBuilder().setTaskName("importing " + path.getFileName()).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err)).build();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
