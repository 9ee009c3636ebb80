/* Simulated board power, key scripts, fault injection and the stdin/stdout control language.
 *
 * Commands (one per line), each answered by one "ok ..." or "err ..." line:
 *   press A KEY...     queue presses on board A: CALL_NEXT RECALL SKIP TRANSFER START DONE
 *                      PAUSE RATE_1..RATE_4 PARK CALL_PARKED RECALL_NO_SHOW or digits 0-9
 *                      (40 ms down, 40 ms up each)
 *   display A          -> "ok display A [TEXT] COUNTER BLINK SET"   (COUNTER "--" when blank)
 *   reset A            power glitch: RAM lost, new boot epoch
 *   power A off|on     board stops answering / boots again
 *   drop A N           the next N replies of board A are lost on the wire
 *   corrupt A N        the next N replies of board A get one flipped bit
 *   noise HEX...       raw bytes onto the bus (as if from a faulty board)
 *   stats A            parser and protocol counters
 *   quit
 * Unsolicited lines: "event A SEQ KEY ARG T_US" when a press is queued, "shown A [TEXT] COUNTER
 * BLINK T_US" when a command changed the display, "link up" / "link down" for the pty. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sim.h"

static sim_t *g_sim;

/* In raw key position order from KEYPOS_FIRST_FN (core/keypad.h). */
static const char *KEY_NAMES[] = {"CALL_NEXT", "RECALL", "SKIP", "TRANSFER", "START", "DONE",
                                  "PAUSE", "RATE_1", "RATE_2", "RATE_3", "RATE_4", "PARK",
                                  "CALL_PARKED", "RECALL_NO_SHOW"};
_Static_assert(sizeof KEY_NAMES / sizeof KEY_NAMES[0] == KEYPOS_COUNT - KEYPOS_FIRST_FN, "a name per key");

static void on_write(void *ctx, const uint8_t *buf, uint8_t n) {
    sim_board_t *sb = ctx;
    if (sb->drop_next > 0) { sb->drop_next--; g_sim->rx_since_reply = 0; return; }
    uint8_t copy[BUS_MAX_FRAME];
    memcpy(copy, buf, n);
    if (sb->corrupt_next > 0) { sb->corrupt_next--; copy[n / 2] ^= 0x10; }
    sim_write_bus(g_sim, copy, n);
}

static void print_text(const display_t *d) {
    printf("[%.4s] ", d->text);
    if (d->counter == BUS_COUNTER_BLANK) printf("--"); else printf("%u", d->counter);
    printf(" %d", d->blink ? 1 : 0);
}

static void on_display(void *ctx, const display_t *d) {
    sim_board_t *sb = ctx;
    printf("shown %u ", sb->b.addr);
    print_text(d);
    printf(" %llu\n", (unsigned long long)sim_now_us());
}

static void on_event(void *ctx, const bus_event_t *e) {
    sim_board_t *sb = ctx;
    printf("event %u %u %u %u %llu\n", sb->b.addr, e->seq, e->key, e->arg,
           (unsigned long long)sim_now_us());
}

void sim_power_on(sim_t *s, uint8_t addr) {
    g_sim = s;
    sim_board_t *sb = &s->boards[addr];
    uint16_t e = (uint16_t)(s->epoch_base + addr * 977u);
    sb->epoch = (uint16_t)(sb->epoch ? sb->epoch + 1u : e);
    if (sb->epoch == 0) sb->epoch = 1;
    board_hal_t hal = {on_write, on_display, on_event, sb};
    board_init(&sb->b, &hal, addr, sb->epoch);
    sb->powered = true;
    sb->raw = 0;
    sb->npending = 0;
}

void sim_tick_all(sim_t *s, uint32_t now_ms) {
    for (uint8_t a = 1; a <= BUS_MAX_ADDR; a++) {
        sim_board_t *sb = &s->boards[a];
        if (!sb->powered) continue;
        /* A phase ends after 40 ms AND once the debouncer has taken the new state: a starved
         * simulator process must not press and release a key between two board ticks. */
        bool settled = sb->b.keys.stable == sb->raw;
        if ((int32_t)(now_ms - sb->phase_until_ms) >= 0 && settled) {
            if (sb->raw) { sb->raw = 0; sb->phase_until_ms = now_ms + 40u; }
            else if (sb->npending) {
                sb->raw = (uint32_t)1u << sb->pending[0];
                memmove(sb->pending, sb->pending + 1, --sb->npending);
                sb->phase_until_ms = now_ms + 40u;
            }
        }
        if (sb->b.now_ms != now_ms) board_tick(&sb->b, now_ms, sb->raw);
    }
}

static int key_pos(const char *name) {
    if (name[0] >= '0' && name[0] <= '9' && name[1] == 0) return name[0] - '0';
    for (unsigned i = 0; i < KEYPOS_COUNT - KEYPOS_FIRST_FN; i++) if (!strcmp(name, KEY_NAMES[i])) return (int)(KEYPOS_FIRST_FN + i);
    return -1;
}

static sim_board_t *board_arg(sim_t *s, const char *tok) {
    long a = tok ? strtol(tok, NULL, 10) : 0;
    if (a < 1 || a > (long)BUS_MAX_ADDR || !s->boards[a].present) return NULL;
    return &s->boards[a];
}

bool sim_control(sim_t *s, char *line) {
    char *cmd = strtok(line, " \t\r");
    if (!cmd) return true;
    if (!strcmp(cmd, "quit")) { printf("ok bye\n"); return false; }
    if (!strcmp(cmd, "noise")) {
        uint8_t buf[64];
        unsigned n = 0;
        for (char *t; (t = strtok(NULL, " ")) != NULL && n < sizeof buf;) buf[n++] = (uint8_t)strtoul(t, NULL, 16);
        sim_write_bus(s, buf, n);
        printf("ok noise %u\n", n);
        return true;
    }
    sim_board_t *sb = board_arg(s, strtok(NULL, " \t\r"));
    if (!sb) { printf("err %s: unknown board\n", cmd); return true; }
    uint8_t a = sb->b.addr;
    if (!strcmp(cmd, "press")) {
        int count = 0;
        for (char *t; (t = strtok(NULL, " \t\r")) != NULL;) {
            int pos = key_pos(t);
            if (pos < 0 || sb->npending == SIM_MAX_PENDING) { printf("err press: bad key %s\n", t); return true; }
            sb->pending[sb->npending++] = (uint8_t)pos;
            count++;
        }
        printf("ok press %u %d\n", a, count);
    } else if (!strcmp(cmd, "display")) {
        printf("ok display %u ", a);
        print_text(&sb->b.disp);
        printf(" %d\n", sb->b.disp.set ? 1 : 0);
    } else if (!strcmp(cmd, "reset")) {
        sim_power_on(s, a);
        printf("ok reset %u epoch=%u\n", a, sb->epoch);
    } else if (!strcmp(cmd, "power")) {
        char *v = strtok(NULL, " \t\r");
        if (v && !strcmp(v, "off")) sb->powered = false;
        else if (v && !strcmp(v, "on")) sim_power_on(s, a);
        else { printf("err power: on|off\n"); return true; }
        printf("ok power %u %s\n", a, v);
    } else if (!strcmp(cmd, "drop") || !strcmp(cmd, "corrupt")) {
        char *v = strtok(NULL, " \t\r");
        int n = v ? atoi(v) : 1;
        if (cmd[0] == 'd') sb->drop_next = n; else sb->corrupt_next = n;
        printf("ok %s %u %d\n", cmd, a, n);
    } else if (!strcmp(cmd, "stats")) {
        printf("ok stats %u epoch=%u frames=%u bad_crc=%u noise=%u rejected=%u queued=%u\n", a,
               sb->epoch, sb->b.rx.frames, sb->b.rx.bad_crc, sb->b.rx.noise, sb->b.rejected,
               sb->b.evq.count);
    } else {
        printf("err unknown command %s\n", cmd);
    }
    return true;
}
