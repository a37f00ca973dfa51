package io.agnt2.sequencer.core;

import io.agnt2.protocol.execution.TransitionParameters;
import io.agnt2.sequencer.domain.parallel.BlockExecutor;
import io.agnt2.sequencer.domain.parallel.ParallelExecutor;
import io.agnt2.sequencer.domain.parallel.SequentialExecutor;
import io.agnt2.sequencer.infrastructure.log.LogOptions;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How a {@link SequencerCore} runs.
 *
 * @param logDirectory          the interaction log's directory (one core per directory)
 * @param parameters            the chain's constants; the challenger must use the same
 * @param executor              runs block execution and leaf hashing (a ManagedExecutorService in
 *                              Liberty); unused when {@code parallelism} is 1
 * @param parallelism           threads of {@code executor} a block may use; 1 executes sequentially
 *                              ({@link SequentialExecutor}), the reference the parallel result must equal
 * @param logOptions            the log's tuning
 * @param duplicateWindowBlocks closed blocks whose interaction hashes still count as duplicates
 * @param listener              receives every closed block
 */
public record SequencerConfig(Path logDirectory, TransitionParameters parameters, Executor executor, int parallelism,
                              LogOptions logOptions, int duplicateWindowBlocks, BlockListener listener) {

    /** About a minute of blocks at 250 ms. */
    public static final int DEFAULT_DUPLICATE_WINDOW_BLOCKS = 256;

    private static final Executor CALLER_RUNS = Runnable::run;

    public SequencerConfig {
        Objects.requireNonNull(logDirectory, "logDirectory");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(logOptions, "logOptions");
        Objects.requireNonNull(listener, "listener");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism " + parallelism);
        }
    }

    public static SequencerConfig parallel(Path logDirectory, TransitionParameters parameters, Executor executor,
                                           int parallelism) {
        return new SequencerConfig(logDirectory, parameters, executor, parallelism, LogOptions.defaults(),
                DEFAULT_DUPLICATE_WINDOW_BLOCKS, BlockListener.NONE);
    }

    /** Everything on the thread that closes the block: the peer the parallel engine is measured against. */
    public static SequencerConfig sequential(Path logDirectory, TransitionParameters parameters) {
        return parallel(logDirectory, parameters, CALLER_RUNS, 1);
    }

    public SequencerConfig withListener(BlockListener newListener) {
        return new SequencerConfig(logDirectory, parameters, executor, parallelism, logOptions,
                duplicateWindowBlocks, newListener);
    }

    public SequencerConfig withLogOptions(LogOptions options) {
        return new SequencerConfig(logDirectory, parameters, executor, parallelism, options,
                duplicateWindowBlocks, listener);
    }

    public SequencerConfig withDuplicateWindowBlocks(int blocks) {
        return new SequencerConfig(logDirectory, parameters, executor, parallelism, logOptions, blocks, listener);
    }

    BlockExecutor blockExecutor() {
        return parallelism == 1 ? new SequentialExecutor() : new ParallelExecutor(executor, parallelism);
    }

    LeafHasher leafHasher() {
        return new LeafHasher(executor, parallelism);
    }
}
