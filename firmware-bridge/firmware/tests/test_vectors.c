/* Runs the shared vectors (firmware-bridge/vectors/frames.txt) through the C decoder, both the
 * one-shot decode loop and the byte-at-a-time parser, and checks re-encoding. */
#include <stdlib.h>
#include <string.h>
#include "../core/crc16.h"
#include "../core/frame.h"
#include "check.h"

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
        } else {
            fprintf(stderr, "FAIL bad vector line: %s\n", parts[0]);
            check_failed++;
        }
    }
    fclose(in);
    return count;
}
