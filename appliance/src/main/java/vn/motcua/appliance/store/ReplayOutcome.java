package vn.motcua.appliance.store;

import java.util.List;

/**
 * What opening the store got back from its journal.
 *
 * @param heldSeq    the last event seq H2 held on disk before replay
 * @param replayedTo the last event seq after replay
 * @param replayed   journal records written again into H2
 * @param missing    seq ranges (inclusive) that neither H2 nor the journal could give back
 * @param liveGap    whether one of them lies after the last base record replayed: then the live queue itself may
 *                   lack what those seqs did (a range that ends in a base record cost history only, since a base
 *                   record holds every ticket still in the queue)
 */
public record ReplayOutcome(long heldSeq, long replayedTo, int replayed, List<long[]> missing, boolean liveGap) {}
