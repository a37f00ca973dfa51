/**
 * A dependency-aware parallel executor for one block: tasks in sequence order declare the keys they
 * read, write and delta ({@link io.agnt2.sequencer.domain.parallel.KeyAccess}); a
 * {@link io.agnt2.sequencer.domain.parallel.DependencyGraph} orders every pair of conflicting tasks;
 * {@link io.agnt2.sequencer.domain.parallel.ParallelExecutor} runs the graph on a caller-supplied
 * {@link java.util.concurrent.Executor} and produces exactly what
 * {@link io.agnt2.sequencer.domain.parallel.SequentialExecutor} produces.
 *
 * <h2>Why the result equals sequential order</h2>
 * Two accesses to one key by different tasks <em>commute</em> only if both are reads, or both are
 * deltas (a delta is a commutative, associative increment, merged atomically per key). Every other
 * pair conflicts ({@link io.agnt2.sequencer.domain.parallel.AccessMode#commutesWith}), and for
 * every conflicting pair the graph holds a path from the earlier task to the later one. So each
 * task observes, for each key it reads, the effects of exactly the earlier tasks that sequential
 * order would have applied before it, and none of the later ones. A task's effects are staged and
 * published only if its body returns normally, so a failed task changes nothing, in both executors.
 *
 * <h2>Why a read sees every earlier delta and no later one</h2>
 * Deltas accumulate in a per-key pending slot that several tasks update concurrently. A task that
 * reads the key starts only after every earlier delta task on it has published (delta→read edge)
 * and every later delta task waits for it (read→delta edge), so while the key is being read nobody
 * adds to the pending slot; the reader folds it into the value under the key's lock (concurrent
 * readers of the same key may race to fold; the lock makes that race harmless).
 *
 * <p>Plain Java: no container API. In Liberty the executor is a ManagedExecutorService.
 */
package io.agnt2.sequencer.domain.parallel;
