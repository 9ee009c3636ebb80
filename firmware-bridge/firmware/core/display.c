#include "display.h"
#include <string.h>
#include "bus_config.h"

/* Same table as hardware-docs/counter-bus.md §6 and SevenSegment.java. */
static const char GLYPH_CHARS[] = "0123456789AbCdEFGHIJLnoPqrStUy- ";
static const uint8_t GLYPH_SEGS[] = {
    0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F,
    0x77, 0x7C, 0x39, 0x5E, 0x79, 0x71, 0x3D, 0x76, 0x30, 0x1E,
    0x38, 0x54, 0x5C, 0x73, 0x67, 0x50, 0x6D, 0x78, 0x3E, 0x6E,
    0x40, 0x00};

bool glyph_for(char c, uint8_t *seg) {
    char up = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    for (uint8_t i = 0; GLYPH_CHARS[i] != '\0'; i++) {
        char g = GLYPH_CHARS[i];
        char gu = (g >= 'a' && g <= 'z') ? (char)(g - 'a' + 'A') : g;
        if (gu == up) { *seg = GLYPH_SEGS[i]; return true; }
    }
    return false;
}

void display_init(display_t *d) {
    memset(d, 0, sizeof *d);
    memset(d->text, ' ', sizeof d->text);
    d->counter = BUS_COUNTER_BLANK;
}

bool display_show(display_t *d, const char text[4], uint8_t counter, bool blink) {
    uint8_t seg;
    for (uint8_t i = 0; i < 4; i++) {
        if (!glyph_for(text[i], &seg)) return false;
    }
    if (counter > 99 && counter != BUS_COUNTER_BLANK) return false;
    memcpy(d->text, text, 4);
    d->counter = counter;
    d->blink = blink;
    d->set = true;
    return true;
}

void display_clear(display_t *d) {
    memset(d->text, ' ', sizeof d->text);
    d->counter = BUS_COUNTER_BLANK;
    d->blink = false;
    d->set = true;
}

static uint8_t digit(uint8_t v) {
    uint8_t s = 0;
    glyph_for((char)('0' + v), &s);
    return s;
}

void display_render(const display_t *d, uint32_t now_ms, uint8_t seg[DISPLAY_DIGITS]) {
    bool dark = ((now_ms / BUS_BLINK_HALF_MS) & 1u) != 0;
    for (uint8_t i = 0; i < 4; i++) {
        seg[i] = 0;
        glyph_for(d->text[i], &seg[i]);
        if (d->blink && dark) seg[i] = 0;
    }
    if (d->entry) {
        /* The clerk is typing a transfer target: "--" until digits come, always blinking. */
        seg[4] = d->entry_digits == 2 ? digit(d->entry_value / 10) : 0x40;
        seg[5] = d->entry_digits >= 1 ? digit(d->entry_value % 10) : 0x40;
        if (dark) seg[4] = seg[5] = 0;
    } else if (d->counter == BUS_COUNTER_BLANK) {
        seg[4] = seg[5] = 0;
    } else {
        seg[4] = d->counter >= 10 ? digit(d->counter / 10) : 0;
        seg[5] = digit(d->counter % 10);
    }
}
