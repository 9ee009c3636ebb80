/* Runs the shared vectors (firmware-bridge/vectors/frames.txt) through the C decoder, both the
 * one-shot decode loop and the byte-at-a-time parser, and checks re-encoding. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "../core/bus_config.h"
#include "../core/crc16.h"
#include "../core/frame.h"
#include "check.h"

/* Every key code the firmware sends, by its protocol name (counter-bus.md §4, Key.java). */
static const struct { const char *name; unsigned code; } WIRE_KEYS[] = {
    {"CALL_NEXT", KEY_CALL_NEXT}, {"RECALL", KEY_RECALL}, {"SKIP", KEY_SKIP},
    {"TRANSFER", KEY_TRANSFER}, {"START", KEY_START}, {"DONE", KEY_DONE}, {"PAUSE", KEY_PAUSE},
    {"PARK", KEY_PARK}, {"CALL_PARKED", KEY_CALL_PARKED}, {"RECALL_NO_SHOW", KEY_RECALL_NO_SHOW},
    {"RATE_1", KEY_RATE_1}, {"RATE_2", KEY_RATE_2}, {"RATE_3", KEY_RATE_3}, {"RATE_4", KEY_RATE_4}};
#define WIRE_KEY_COUNT (sizeof WIRE_KEYS / sizeof WIRE_KEYS[0])

/* A "key" vector: the name must be one of ours with that code. */
static bool check_key(const char *name, const char *hex, bool seen[WIRE_KEY_COUNT]) {
    unsigned want;
    if (sscanf(hex, "%x", &want) != 1) return false;
    for (unsigned i = 0; i < WIRE_KEY_COUNT; i++) {
        if (strcmp(WIRE_KEYS[i].name, name) == 0) {
            if (WIRE_KEYS[i].code != want) fprintf(stderr, "key %s: firmware 0x%02X, vector 0x%02X\n", name, WIRE_KEYS[i].code, want);
            seen[i] = WIRE_KEYS[i].code == want;
            return seen[i];
        }
    }
    fprintf(stderr, "key %s: not a firmware key\n", name);
    return false;
}

static int parse_hex(const char *s, uint8_t *out, int max) {
    int n = 0;
    while (*s) {
        while (*s == ' ') s++;
        if (!*s) break;
        unsigned v;
        if (sscanf(s, "%2x", &v) != 1 || n >= max) return -1;
        out[n++] = (uint8_t)v;
        s += 2;
    }
    return n;
}

static void trim(char *s) {
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\r')) *--e = 0;
    char *b = s;
    while (*b == ' ') b++;
    memmove(s, b, strlen(b) + 1);
}

static void token_of(const bus_frame_t *f, char *out) {
    out += sprintf(out, "F:%c%u:%02X:%02X:", f->reply ? 'B' : 'M', f->addr, f->type, f->seq);
    if (f->len == 0) strcpy(out, "-");
    for (uint8_t i = 0; i < f->len; i++) out += sprintf(out, "%02X", f->payload[i]);
}

static void decode_tokens(const uint8_t *buf, int n, char *out) {
    static const char *names[] = {"", "", "NOISE", "ADDR", "LEN", "CRC"};
    out[0] = 0;
    int i = 0;
    while (i < n) {
        bus_frame_t f;
        uint8_t used;
        int rem = n - i > (int)BUS_MAX_FRAME ? (int)BUS_MAX_FRAME : n - i;
        bus_dec_t r = bus_frame_decode(buf + i, (uint8_t)rem, &f, &used);
        char tok[96];
        if (r == BUS_DEC_NEED_MORE) { sprintf(tok, "PARTIAL:%d", n - i); i = n; }
        else if (r == BUS_DEC_FRAME) { token_of(&f, tok); i += used; }
        else if (r == BUS_DEC_NOISE) { sprintf(tok, "NOISE:%d", used); i += used; }
        else { strcpy(tok, names[r]); i += used; }
        if (out[0]) strcat(out, " ");
        strcat(out, tok);
    }
}

static void check_stream(const uint8_t *buf, int n, const char *tokens) {
    /* The streaming parser must find exactly the frames the one-shot decoder found. */
    bus_parser_t p;
    bus_parser_reset(&p);
    char got[1024] = "";
    for (int i = 0; i < n; i++) {
        bus_parser_push(&p, buf[i]);
        bus_frame_t f;
        while (bus_parser_pop(&p, &f)) {
            char tok[96];
            token_of(&f, tok);
            strcat(got, tok);
            strcat(got, " ");
        }
    }
    char want[1024] = "";
    char copy[1024];
    strcpy(copy, tokens);
    for (char *t = strtok(copy, " "); t; t = strtok(NULL, " ")) {
        if (t[0] == 'F') { strcat(want, t); strcat(want, " "); }
    }
    CHECK(strcmp(got, want) == 0);
}

int test_vectors(const char *path) {
    FILE *in = fopen(path, "r");
    if (!in) return -1;
    char line[2048];
    int count = 0;
    bool keys_seen[WIRE_KEY_COUNT] = {false};
    while (fgets(line, sizeof line, in)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        char *parts[4] = {0};
        int np = 0;
        for (char *s = line, *bar; np < 4; s = bar + 1) {
            parts[np++] = s;
            bar = strchr(s, '|');
            if (!bar) break;
            *bar = 0;
        }
        for (int i = 0; i < np; i++) trim(parts[i]);
        uint8_t buf[512];
        if (strcmp(parts[0], "crc") == 0 && np == 3) {
            int n = parse_hex(parts[1], buf, sizeof buf);
            unsigned want;
            sscanf(parts[2], "%x", &want);
            CHECK_EQ(bus_crc16(buf, (uint8_t)n), want);
            count++;
        } else if (strcmp(parts[0], "decode") == 0 && np == 4) {
            int n = parse_hex(parts[2], buf, sizeof buf);
            char got[1024];
            decode_tokens(buf, n, got);
            if (strcmp(got, parts[3]) != 0) {
                fprintf(stderr, "vector %s: got '%s' want '%s'\n", parts[1], got, parts[3]);
            }
            CHECK(strcmp(got, parts[3]) == 0);
            check_stream(buf, n, parts[3]);
            bus_frame_t f;
            uint8_t used;
            if (strchr(parts[3], ' ') == NULL && parts[3][0] == 'F' &&
                bus_frame_decode(buf, (uint8_t)n, &f, &used) == BUS_DEC_FRAME) {
                uint8_t out[BUS_MAX_FRAME];
                CHECK_EQ(bus_frame_encode(&f, out), n);
                CHECK(memcmp(out, buf, (size_t)n) == 0);
            }
            count++;
        } else if (strcmp(parts[0], "key") == 0 && np == 3) {
            CHECK(check_key(parts[1], parts[2], keys_seen));
            count++;
        } else {
            fprintf(stderr, "FAIL bad vector line: %s\n", parts[0]);
            check_failed++;
        }
    }
    fclose(in);
    /* Both ways: a key the firmware sends and the vectors do not list is a drift too. */
    for (unsigned i = 0; i < WIRE_KEY_COUNT; i++) {
        if (!keys_seen[i]) fprintf(stderr, "key %s: no matching key vector\n", WIRE_KEYS[i].name);
        CHECK(keys_seen[i]);
    }
    return count;
}
