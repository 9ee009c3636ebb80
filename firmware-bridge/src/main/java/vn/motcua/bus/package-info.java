/**
 * The counter bus: the LED counter boards and their keypads on RS-485, as the appliance uses them.
 *
 * <h2>API (stable)</h2>
 * <ul>
 *   <li>{@link vn.motcua.bus.CounterBus}: {@code start()}, {@code show(address, "A023", counter, blink)},
 *       {@code clear(address)}, {@code addListener(l)}, {@code boards()}, {@code close()}.</li>
 *   <li>{@link vn.motcua.bus.CounterBusListener}: {@code onKey(address, KeyEvent)} exactly once per
 *       physical press; {@code onBoardStatus(address, BoardStatus)} on ONLINE / OFFLINE(reason) and
 *       on each reboot (reason {@code "rebooted"}). Called on the bus's I/O thread: hand off, return fast.</li>
 *   <li>Exactly-once across appliance restarts: override
 *       {@code onKey(address, KeyEvent, BoardEventId)}, store the id with the command in one
 *       transaction, and call {@code resumeAfter(address, lastId)} before {@code start()}; with
 *       {@code ackWhenHandled()} before {@code start()} and {@code handled(address, id)} after each commit, a
 *       press is acked to its board only once committed, so a stop in between loses nothing.</li>
 *   <li>{@link vn.motcua.bus.Key}: CALL_NEXT, RECALL, SKIP, TRANSFER (target in
 *       {@link vn.motcua.bus.KeyEvent#transferTarget()}), START, DONE, PAUSE, PARK, CALL_PARKED,
 *       RECALL_NO_SHOW, RATE_1..RATE_4 (1 rất hài lòng / very satisfied .. 4 không hài lòng / not satisfied).</li>
 *   <li>{@link vn.motcua.bus.BusConfig}: port, baud, addresses, reply timeout, retries, offline
 *       threshold and probe interval, direction control; {@code BusConfig.defaults(port, addresses)}.</li>
 *   <li>{@link vn.motcua.bus.CounterBuses}: {@code jSerialComm(config, clock)} for the real bus,
 *       {@code simulated(config, clock)} for the demo (boards in memory, same protocol bytes).</li>
 *   <li>{@link vn.motcua.bus.codec.SevenSegment#canRender(String)}: validate service prefixes at
 *       config load (K, M, V, W, X, Z and non-ASCII have no 7-segment glyph).</li>
 * </ul>
 *
 * <h2>Inside</h2>
 * {@code codec}: pure byte functions (frame codec, CRC-16/MODBUS, messages, glyphs).
 * {@code master}: {@link vn.motcua.bus.master.BusMaster}, the poll loop on one dedicated I/O
 * thread, and per-board bookkeeping (acks, repeats, epochs, online state).
 * {@code transport}: the {@code BusTransport} port and its jSerialComm adapter.
 * {@code sim}: the pure-Java board and the in-memory wire.
 * Protocol and guarantees: {@code hardware-docs/counter-bus.md}.
 */
package vn.motcua.bus;
