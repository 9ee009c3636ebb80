package vn.motcua.appliance.store;

import java.util.List;

/**
 * What opening the store got back from its journal.
 *
 * @param heldSeq    the last event seq H2 held on disk before replay
 * @param replayedTo the last event seq after replay
 * @param replayed   journal records written again into H2
 * @param missing    seq ranges (inclusive) that neither H2 nor the journal could give back
 */
public record ReplayOutcome(long heldSeq, long replayedTo, int replayed, List<long[]> missing) {}
