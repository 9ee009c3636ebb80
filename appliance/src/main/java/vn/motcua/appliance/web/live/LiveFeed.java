package vn.motcua.appliance.web.live;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.QueueEvent;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.QueueListener;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.service.CommittedEvent;

/**
 * Pushes the queue to the screens as server-sent events. A client gets a full snapshot when it connects (so a
 * display that reconnects after a restart or a network blip is right again at once), then a {@code call} frame
 * per call or recall and a {@code queue} frame after every command. Frames are built under the queue's lock, on
 * the committing thread, so every client sees the snapshot and the deltas in commit order with none missing;
 * sending is non-blocking (see {@link SseClient}). No thread of its own: heartbeats come from the appliance
 * scheduler via {@link #heartbeat()}.
 */
public final class LiveFeed implements QueueListener {
    /**
     * Streams open at once: the hall display, the kiosk, a counter page per counter (up to 32 boards) and a few
     * manager views fit well under it; each stream holds a bounded buffer, so the cap bounds their memory.
     */
    public static final int MAX_SCREENS = 64;
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    private static final ObjectMapper JSON = EventJson.mapper();

    private final QueueService queue;
    private final Map<String, Object> office;
    /** How many times the display plays each call ({@code [voice] repeat}); in the snapshot as {@code call_repeat}. */
    private final int callRepeat;
    private final Clock clock;
    private final Map<Long, SseClient> clients = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** Streams open or opening: the cap's count (the map fills only once the snapshot is queued). */
    private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Notice notice;
    private volatile List<Map<String, String>> deviceFaults = List.of();

    public LiveFeed(QueueService queue, String officeNameVi, String officeNameEn, Notice notice, Clock clock) {
        this(queue, officeNameVi, officeNameEn, notice, clock, 1);
    }

    /** @param callRepeat how many times the display plays each call, 1 to 5 ({@code [voice] repeat}) */
    public LiveFeed(QueueService queue, String officeNameVi, String officeNameEn, Notice notice, Clock clock, int callRepeat) {
        if (callRepeat < 1) {
            throw new IllegalArgumentException("callRepeat " + callRepeat);
        }
        this.callRepeat = callRepeat;
        this.queue = queue;
        this.clock = clock;
        this.notice = notice;
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name_vi", officeNameVi);
        o.put("name_en", officeNameEn);
        this.office = Map.copyOf(o);
    }

    public void registerHealth(Health health) {
        health.register("live", () -> Health.Status.ok("screens connected: " + clients.size()
                + ", dropped as too slow: " + dropped.get()));
    }

    /**
     * Opens a stream on this response; the snapshot is queued under the queue lock so no delta slips between.
     * False, and nothing opened, when {@value #MAX_SCREENS} streams are open already.
     */
    boolean connect(Response response, Callback done) {
        return connect(response, done, Viewer.EVERYTHING);
    }

    /** The same for {@code viewer}: a paired screen gets its scope's frames only ({@link FeedScope}). */
    boolean connect(Response response, Callback done, Viewer viewer) {
        if (open.getAndUpdate(n -> n < MAX_SCREENS ? n + 1 : n) >= MAX_SCREENS) {
            refused.incrementAndGet();
            return false;
        }
        long id = ids.incrementAndGet();
        SseClient client = new SseClient(id, viewer, response, done, () -> {
            clients.remove(id);
            open.decrementAndGet();
        });
        queue.read(e -> {
            client.offer("retry: 2000\n\n");
            Map<String, Object> snapshot = DisplayJson.snapshot(e, office, notice, clock.instant(), callRepeat);
            if (viewer.scope() == null) {
                client.offer(frame("snapshot", snapshot));
                client.offer(frame("devices", Map.of("faults", deviceFaults)));
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> scoped = (Map<String, Object>) viewer.scope().frame("snapshot", snapshot);
                scoped.put("screen", viewer.about());
                client.offer(frame("snapshot", scoped));
            }
            clients.put(id, client);
            return null;
        });
        log.debug("Screen {} connected ({} open)", id, clients.size());
        return true;
    }

    /**
     * Ends the streams of paired screen {@code screen} at once (it was revoked): its browser's reconnect then meets
     * the LAN gate without a valid token. How many were ended.
     */
    public int closeScreen(long screen) {
        int n = 0;
        for (SseClient c : clients.values()) {
            if (c.viewer().screen() == screen) {
                c.close();
                n++;
            }
        }
        return n;
    }

    /** The paired screens with a stream open now: the manager's list shows them online. */
    public java.util.Set<Long> screensOnline() {
        java.util.Set<Long> out = new java.util.HashSet<>();
        for (SseClient c : clients.values()) {
            if (c.viewer().screen() > 0) {
                out.add(c.viewer().screen());
            }
        }
        return out;
    }

    @Override
    public void onCommitted(CommandResult result, List<CommittedEvent> events) {
        if (clients.isEmpty() || result.events().isEmpty()) {
            return;
        }
        // Listeners run on the committing thread, which holds the queue lock: read() re-enters it.
        List<Frame> frames = queue.read(e -> frames(e, result));
        frames.forEach(f -> broadcast(f.event(), f.data()));
    }

    private List<Frame> frames(QueueEngine e, CommandResult result) {
        List<Frame> out = new ArrayList<>();
        for (QueueEvent ev : result.events()) {
            if (ev instanceof QueueEvent.TicketCalled c) {
                out.add(new Frame("call", DisplayJson.call(e, c.number(), c.service(), c.counter(), c.at(), false, true)));
            } else if (ev instanceof QueueEvent.TicketRecalled c) {
                String service = DisplayJson.serviceOf(e, c.ticketId()).stream().findFirst().orElse("");
                out.add(new Frame("call", DisplayJson.call(e, c.number(), service, c.counter(), c.at(), true, true)));
            }
        }
        out.add(new Frame("queue", DisplayJson.queue(e)));
        return out;
    }

    /** A frame before it is written: each scope of paired screen gets its own rendering of it. */
    private record Frame(String event, Object data) {}

    /** Sets the display's announcement line and pushes it to every screen. */
    public void setNotice(Notice next) {
        notice = next;
        broadcast("notice", next.json());
    }

    public Notice notice() {
        return notice;
    }

    /**
     * A small {@code ping} every few seconds keeps proxies and idle timeouts from closing a quiet stream, and lets
     * the page notice a half-open connection (no ping for a while) and reconnect. An event rather than an SSE
     * comment, because comments never reach the page's script.
     */
    /**
     * Something was scanned at the reader: the kiosk shows a slip's dossier status, or pre-selects priority for a
     * citizen-ID card, or says the code was not recognised. Carries no personal data (the reader reduced it).
     */
    public void scanned(Map<String, Object> scan) {
        broadcast("scan", scan);
    }

    /**
     * A service button issued a ticket: the kiosk shows it as a ticket taken on screen, and speaks its guidance when
     * {@code speak} ({@code [voice] guidance_on_buttons}).
     */
    public void buttonTicket(String number, boolean speak) {
        broadcast("button", Map.of("number", number, "speak", speak));
    }

    /**
     * The resident devices' current faults ({@link DeviceFaults}); pushed as a {@code devices} frame to every screen
     * when they differ from the last ones (and to each screen as it connects), so the staff pages show a fault
     * within a poll of its happening and drop it when the device recovers. Called from the scheduler.
     */
    public void setDeviceFaults(List<Map<String, String>> faults) {
        if (faults.equals(deviceFaults)) {
            return;
        }
        queue.read(e -> { // under the lock connect() holds: a screen connecting now gets either this frame or the new list
            deviceFaults = List.copyOf(faults);
            broadcast("devices", Map.of("faults", faults));
            return null;
        });
    }

    public void heartbeat() {
        broadcast("ping", Map.of("server_time", clock.millis()));
    }

    /**
     * Sends a frame to every stream: written once for the unscoped ones, once per distinct scope for paired screens
     * (few: the office's displays), and not at all to a screen whose scope leaves nothing of it.
     */
    private void broadcast(String event, Object data) {
        String whole = null;
        Map<FeedScope, String> scoped = new java.util.HashMap<>();
        for (SseClient c : clients.values()) {
            FeedScope scope = c.viewer().scope();
            String frame;
            if (scope == null) {
                frame = whole == null ? (whole = frame(event, data)) : whole;
            } else {
                frame = scoped.computeIfAbsent(scope, sc -> {
                    Object d = sc.frame(event, data);
                    return d == null ? "" : frame(event, d);
                });
            }
            if (frame.isEmpty()) {
                continue;
            }
            if (!c.offer(frame)) {
                dropped.incrementAndGet();
                log.info("Screen {} dropped: it could not keep up", c.id());
            }
        }
    }

    public int clientCount() {
        return clients.size();
    }

    public long droppedCount() {
        return dropped.get();
    }

    /** Streams refused since start because {@value #MAX_SCREENS} were open. */
    public long refusedCount() {
        return refused.get();
    }

    /** Ends every stream (appliance stopping); the screens will reconnect. */
    public void closeAll() {
        clients.values().forEach(SseClient::close);
    }

    static String frame(String event, Object data) {
        try {
            return "event: " + event + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event, e);
        }
    }
}
