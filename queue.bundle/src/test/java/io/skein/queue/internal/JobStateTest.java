package io.skein.queue.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.skein.queue.JobState;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

/** Walks every pair of states against the one transition table. */
public class JobStateTest {

    private static final Map<JobState, Set<JobState>> LEGAL = Map.of(
            JobState.WAITING, EnumSet.of(JobState.ACTIVE, JobState.CANCELLED),
            JobState.DELAYED, EnumSet.of(JobState.WAITING, JobState.CANCELLED),
            JobState.ACTIVE, EnumSet.of(JobState.COMPLETED, JobState.DELAYED, JobState.DEAD, JobState.WAITING,
                    JobState.PARKED),
            JobState.PARKED, EnumSet.of(JobState.WAITING, JobState.CANCELLED),
            JobState.DEAD, EnumSet.of(JobState.WAITING),
            JobState.COMPLETED, EnumSet.noneOf(JobState.class),
            JobState.CANCELLED, EnumSet.noneOf(JobState.class));

    @Test
    public void everyPairOfStatesIsLegalExactlyWhenTheTableSaysSo() {
        for (JobState from : JobState.values()) {
            for (JobState to : JobState.values()) {
                assertEquals(from + " -> " + to, LEGAL.get(from).contains(to), from.canMoveTo(to));
            }
        }
    }

    @Test
    public void finishedStatesAreFinal() {
        assertTrue(JobState.COMPLETED.next().isEmpty());
        assertTrue(JobState.CANCELLED.next().isEmpty());
        assertFalse("a dead job is only ever replayed", JobState.DEAD.canMoveTo(JobState.ACTIVE));
    }
}
