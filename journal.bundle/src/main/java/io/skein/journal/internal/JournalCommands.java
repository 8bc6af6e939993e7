package io.skein.journal.internal;

import io.skein.journal.Entry;
import io.skein.journal.EntryDraft;
import io.skein.journal.JournalException;
import io.skein.journal.JournalService;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands of scope {@code journal}. */
@Component(service = JournalCommands.class, property = {
    "osgi.command.scope=journal",
    "osgi.command.function=add",
    "osgi.command.function=list",
    "osgi.command.function=show",
    "osgi.command.function=edit",
    "osgi.command.function=delete",
    "osgi.command.function=journals"
})
public final class JournalCommands {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Reference
    private JournalService journal;

    @Descriptor("Saves a new entry, e.g. journal:add 'Dinner with Ann at the Globe.'")
    public String add(
            @Descriptor("journal") @Parameter(names = {"-j", "--journal"}, absentValue = "default") String name,
            @Descriptor("time, ISO-8601; without a zone UTC") @Parameter(names = {"-t", "--time"}, absentValue = "")
            String time,
            @Descriptor("the entry's text") String... words) throws JournalException {
        Entry saved = journal.save(new EntryDraft(name, null, time, String.join(" ", words), List.of()));
        return "saved " + saved.journal() + "/" + saved.id();
    }

    @Descriptor("Lists a journal's entries, newest first")
    public String list(
            @Descriptor("journal") @Parameter(names = {"-j", "--journal"}, absentValue = "default") String name,
            @Descriptor("at most this many") @Parameter(names = {"-n", "--limit"}, absentValue = "20") int limit)
            throws JournalException {
        List<Entry> entries = journal.list(name, null, null, limit);
        if (entries.isEmpty()) {
            return "(no entries in " + name + ")";
        }
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) {
            out.append(DAY.format(entry.time())).append("  ").append(entry.id()).append("  ").append(entry.title())
                    .append('\n');
        }
        return out.toString().stripTrailing();
    }

    @Descriptor("Shows one entry")
    public String show(
            @Descriptor("journal") @Parameter(names = {"-j", "--journal"}, absentValue = "default") String name,
            @Descriptor("entry id") String id) throws JournalException {
        Entry entry = journal.get(name, id).orElseThrow(() -> new JournalException("No entry " + id + " in journal "
                + name));
        return entry.time() + "  " + entry.journal() + "/" + entry.id()
                + (entry.tags().isEmpty() ? "" : "  tags: " + String.join(", ", entry.tags())) + "\n\n"
                + entry.content();
    }

    @Descriptor("Replaces an entry's text")
    public String edit(
            @Descriptor("journal") @Parameter(names = {"-j", "--journal"}, absentValue = "default") String name,
            @Descriptor("entry id") String id, @Descriptor("the new text") String... words) throws JournalException {
        journal.edit(name, id, String.join(" ", words));
        return "edited " + name + "/" + id;
    }

    @Descriptor("Deletes an entry")
    public String delete(
            @Descriptor("journal") @Parameter(names = {"-j", "--journal"}, absentValue = "default") String name,
            @Descriptor("entry id") String id) throws JournalException {
        if (!journal.delete(name, id)) {
            throw new JournalException("No entry " + id + " in journal " + name);
        }
        return "deleted " + name + "/" + id;
    }

    @Descriptor("Lists the journals")
    public String journals() {
        List<String> names = journal.journals();
        return names.isEmpty() ? "(no journals yet)" : String.join("\n", names);
    }
}
