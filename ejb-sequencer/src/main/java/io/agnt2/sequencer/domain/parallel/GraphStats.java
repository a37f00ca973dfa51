package io.agnt2.sequencer.domain.parallel;

/**
 * The shape of a dependency graph.
 *
 * @param tasks        tasks (nodes with a body)
 * @param joinNodes    bodiless nodes that stand for "a group of commuting accesses is done"
 * @param edges        edges, join edges included
 * @param criticalPath tasks on the longest dependency chain: no schedule can finish in fewer steps
 * @param widestWave   tasks in the largest level, if the graph ran level by level
 */
public record GraphStats(int tasks, int joinNodes, long edges, int criticalPath, int widestWave) {

    /**
     * Levels if executed wave by wave (a task's level is one more than its deepest predecessor's).
     * With unit task costs this equals the critical path; it is named separately because it is the
     * number of barriers a wave-based executor would pay.
     */
    public int waves() {
        return criticalPath;
    }

    /** Average tasks per wave: the speed-up available to unlimited threads with equal task costs. */
    public double averageParallelism() {
        return criticalPath == 0 ? 0 : (double) tasks / criticalPath;
    }
}
