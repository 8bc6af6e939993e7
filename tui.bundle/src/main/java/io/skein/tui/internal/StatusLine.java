package io.skein.tui.internal;

import io.skein.broker.BrokerInfo;
import io.skein.inference.ModelState;
import io.skein.queue.QueueService;
import io.skein.queue.QueueStats;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * The bottom line: the broker (owned, attached or external; ok, or UNREACHABLE when it does not answer),
 * the job counts of all queues, and inference (on or off, model loaded or not); 80 columns hold
 * it. Each part says "unavailable" on its own when its service is away.
 */
final class StatusLine {

    private String broker = "broker starting";
    private boolean brokerBad;
    private String jobs = "jobs -";
    private String inference = "inference -";

    void load(Services services) {
        try {
            BrokerInfo info = services.broker().info();
            String role = info.mode() == BrokerInfo.Mode.EXTERNAL ? "external" : info.owner() ? "owned" : "attached";
            brokerBad = !info.health().reachable();
            broker = "broker " + role + (brokerBad ? " UNREACHABLE" : " ok");
        } catch (RuntimeException e) {
            brokerBad = true;
            broker = "broker unavailable";
        }
        jobs = jobs(services);
        inference = inference(services);
    }

    private static String jobs(Services services) {
        try {
            QueueService queue = services.queue();
            long waiting = 0;
            long active = 0;
            long delayed = 0;
            long dead = 0;
            for (String name : queue.queues()) {
                QueueStats stats = queue.stats(name);
                waiting += stats.waiting() + stats.parked();
                active += stats.active();
                delayed += stats.delayed();
                dead += stats.dead();
            }
            return "jobs " + waiting + " waiting " + active + " active " + (delayed > 0 ? delayed + " delayed " : "")
                    + dead + " dead";
        } catch (RuntimeException e) {
            return "jobs unavailable";
        }
    }

    private static String inference(Services services) {
        try {
            ModelState state = services.inference().state();
            String model = switch (state.status()) {
                case LOADED -> "model loaded";
                case LOADING -> "model loading";
                case UNLOADING -> "model unloading";
                case UNLOADED -> "model unloaded";
            };
            return "inference " + (state.enabled() ? "on" : "off") + ", " + model;
        } catch (RuntimeException e) {
            return "inference unavailable";
        }
    }

    AttributedString render(Style style, int width) {
        AttributedStringBuilder line = new AttributedStringBuilder();
        line.append(broker, brokerBad ? style.error() : style.plain()).append(" | ").append(jobs).append(" | ")
                .append(inference);
        if (line.columnLength() > width - 1) {
            // narrow: the counts and the model's state in their short forms, so nothing is cut
            line = new AttributedStringBuilder();
            line.append(broker, brokerBad ? style.error() : style.plain()).append(" | ")
                    .append(jobs.replace(" waiting", "w").replace(" active", "a").replace(" delayed", "dly"))
                    .append(" | ").append(inference.replace("model ", ""));
        }
        // The last cell of the last row is left empty: some terminals scroll when it is written.
        return Text.fit(line.toAttributedString(), width - 1);
    }
}
