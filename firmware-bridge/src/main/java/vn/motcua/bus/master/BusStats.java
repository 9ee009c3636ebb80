package vn.motcua.bus.master;

/**
 * Counters for the health page and the benchmark.
 *
 * @param exchanges    request/reply exchanges completed with a good reply
 * @param retries      attempts repeated after a missing or bad reply
 * @param failed       exchanges that failed after all attempts
 * @param badFrames    frames dropped for a bad address, length or CRC
 * @param noiseBytes   bytes heard outside any frame
 * @param staleFrames  good frames that did not answer the current request
 * @param duplicates   key events dropped because they had been delivered already
 * @param invalidKeys  key events with an unknown code or argument (acked and dropped)
 * @param keys         key events delivered to listeners
 * @param portOpens    times the port was (re)opened
 * @param bytesOut     bytes written to the bus
 */
public record BusStats(long exchanges, long retries, long failed, long badFrames, long noiseBytes,
                       long staleFrames, long duplicates, long invalidKeys, long keys, long portOpens,
                       long bytesOut) {}
