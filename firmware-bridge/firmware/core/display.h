/*
 * What the LED board shows: 4 ticket digits + 2 counter digits, as 7-segment bytes
 * (bit 0 = a ... bit 6 = g, bit 7 = dp), plus the transfer-entry overlay and blinking.
 */
#ifndef BUS_DISPLAY_H
#define BUS_DISPLAY_H
#include <stdbool.h>
#include <stdint.h>

#define DISPLAY_DIGITS 6

typedef struct {
    char text[4];          /* ASCII, right-aligned, space padded */
    uint8_t counter;       /* 0..99 or BUS_COUNTER_BLANK */
    bool blink;
    bool set;              /* false until the first SHOW/CLEAR after boot */
    bool entry;            /* transfer entry in progress: counter digits show the typed target */
    uint8_t entry_digits;  /* 0..2 */
    uint8_t entry_value;
} display_t;

/* Segment byte for an ASCII character; false if the boards cannot render it. */
bool glyph_for(char c, uint8_t *seg);

void display_init(display_t *d);
/* Sets the shown ticket; false (nothing changed) if a char has no glyph or counter is 100..254. */
bool display_show(display_t *d, const char text[4], uint8_t counter, bool blink);
void display_clear(display_t *d);
/* Segment bytes for this instant (blink phase from now_ms). */
void display_render(const display_t *d, uint32_t now_ms, uint8_t seg[DISPLAY_DIGITS]);

#endif
