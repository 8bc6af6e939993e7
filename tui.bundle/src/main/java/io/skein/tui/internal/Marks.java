package io.skein.tui.internal;

import java.util.Collection;
import java.util.Map;

/** One processing mark for an entry, from the states of its graph modules. */
final class Marks {

    private Marks() {
    }

    /**
     * The most telling state of an entry's modules: dead, then retrying, then waiting for a paused
     * queue, then running, then waiting or parked; done when every module is done; "-" when no
     * module has anything to do with the entry.
     */
    static String of(Map<String, String> progress) {
        Collection<String> states = progress.values();
        if (states.isEmpty()) {
            return "-";
        }
        for (String worst : new String[] {"dead", "retrying"}) {
            if (states.contains(worst)) {
                return worst;
            }
        }
        for (String state : states) {
            if (state.startsWith("waiting for ")) {
                return state;
            }
        }
        for (String busy : new String[] {"running", "waiting", "parked"}) {
            if (states.contains(busy)) {
                return busy;
            }
        }
        return states.stream().allMatch("done"::equals) ? "done" : String.join(",", states);
    }
}
