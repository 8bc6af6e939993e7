package io.skein.inference.internal;

import io.skein.inference.Entity;
import io.skein.inference.InferenceException;
import io.skein.inference.InferenceService;
import io.skein.inference.ModelState;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands of scope {@code inference}. */
@Component(service = InferenceCommands.class, property = {
    "osgi.command.scope=inference",
    "osgi.command.function=status",
    "osgi.command.function=on",
    "osgi.command.function=off",
    "osgi.command.function=extract"
})
public final class InferenceCommands {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Reference
    private InferenceService inference;

    @Descriptor("Shows whether inference is on, the backend, and the model's state on this host")
    public String status() {
        ModelState state = inference.state();
        return String.format("inference   %s%nbackend     %s%nmodel       %s%nmemory      %s%nloaded      %s%n"
                + "unloaded    %s", state.enabled() ? "on" : "off (the inference queue is paused)", state.backend(),
                state.status().name().toLowerCase(Locale.ROOT),
                state.memoryBytes() == 0 ? "-" : state.memoryBytes() / (1024 * 1024) + " MB",
                state.lastLoaded() == null ? "never" : TIME.format(state.lastLoaded()),
                state.lastUnloadReason() == null ? "-" : state.lastUnloadReason());
    }

    @Descriptor("Switches inference on (on every host): the inference queue resumes")
    public String on() {
        inference.setEnabled(true);
        return "inference on";
    }

    @Descriptor("Switches inference off (on every host): the inference queue pauses, the model unloads")
    public String off() {
        inference.setEnabled(false);
        return "inference off";
    }

    @Descriptor("Prints what the model finds in a text")
    public String extract(@Descriptor("the text") String... words) throws InferenceException {
        if (String.join(" ", words).isBlank()) {
            throw new IllegalArgumentException("inference:extract needs a text, e.g. inference:extract 'Dinner with "
                    + "Mr. Mills at the Globe.'");
        }
        List<Entity> entities = inference.extract(String.join(" ", words));
        if (entities.isEmpty()) {
            return "(nothing found)";
        }
        StringBuilder out = new StringBuilder();
        for (Entity entity : entities) {
            out.append(String.format("%-13s %s%n", entity.type().name().toLowerCase(Locale.ROOT), entity.name()));
        }
        return out.toString().stripTrailing();
    }
}
