package dev.damsel.strategies.replay;

import dev.damsel.api.AssociativeMemory;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Strategy;
import dev.damsel.api.Task;
import dev.damsel.api.TaskContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.SplittableRandom;

/**
 * Pseudo-rehearsal (Robins 1995; Robins &amp; McCallum 1998 for Hopfield networks): no earlier item is stored. Before
 * each task after the first, {@link PseudoItems} are made from the memory as it stands (what it has learned so far) and
 * every epoch trains on the task's items followed by the pseudo-items. With {@code refresh: epoch} each epoch gets a
 * fresh set, made from a copy of the memory taken before the task (so the pseudo-items keep describing the old
 * knowledge while the memory learns the new task). The first task has nothing to protect and trains alone.
 */
public final class PseudoRehearsalStrategy implements Strategy {
    private static final Logger LOG = LogManager.getLogger(PseudoRehearsalStrategy.class);

    private final PseudoRehearsalConfig config;
    private final PseudoItems maker;
    private final SplittableRandom random;
    private AssociativeMemory snapshot;
    private StateBatch pseudo;

    public PseudoRehearsalStrategy(PseudoRehearsalConfig config, SplittableRandom random) {
        this.config = config;
        this.maker = new PseudoItems(config.items(), config.rejectLearned(), config.unique(), config.maxAttempts());
        this.random = random.split();
    }

    @Override
    public void beforeTask(TaskContext context) {
        snapshot = null;
        pseudo = null;
        if (context.taskIndex() == 0) {
            return;
        }
        snapshot = context.memory().copy();
        if (!config.refreshEachEpoch()) {
            pseudo = make(context);
        }
    }

    @Override
    public StateBatch epochItems(TaskContext context, int epoch, StateBatch taskItems) {
        if (snapshot == null) {
            return taskItems;
        }
        StateBatch items = config.refreshEachEpoch() ? make(context) : pseudo;
        return taskItems.concat(items);
    }

    private StateBatch make(TaskContext context) {
        StateBatch learned = StateBatch.empty(context.task().dimension());
        if (config.rejectLearned()) {
            for (Task earlier : context.earlierTasks()) {
                learned = learned.concat(earlier.trainingItems());
            }
        }
        PseudoItems.Result result = maker.make(snapshot, context.task().trainingMask(), learned, random);
        if (result.items().size() < config.items()) {
            LOG.warn("pseudo-rehearsal: made {} of {} pseudo-items before task {} in {} attempts",
                    result.items().size(), config.items(), context.task().id(), result.attempts());
        }
        return result.items();
    }

    /** The pseudo-items of the current task (refresh {@code task}), or null. */
    public StateBatch pseudoItems() {
        return pseudo;
    }
}
