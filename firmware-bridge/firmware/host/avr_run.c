/*
 * Runs the real AVR image (build/counter-board.elf) in simavr: UART0 on a pty (simavr's
 * uart_pty part, link /tmp/simavr-uart0), the 74HC595 chain read off the SPI and latch pins,
 * the keypad rows driven from the column byte. Throttled so it never runs ahead of real time
 * (on a loaded machine it runs slower, which only stretches the board's turnaround).
 * DIP switch: simavr 1.6 lets a pull-up written to PORTD override an externally driven pin
 * (simavr issue 432), so the switch levels are driven again after every batch of cycles; the
 * firmware samples them 5 ms after enabling the pull-ups, as a real board must anyway.
 *   avr-run counter-board.elf ADDRESS
 * stdin:  press KEY... | quit       (same key names as counter-sim)
 * stdout: ready PTY | digits [TEXT] COUNTER | event-sent | ok ... | err ...
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "avr_ioport.h"
#include "avr_spi.h"
#include "parts/uart_pty.h"
#include "sim_avr.h"
#include "sim_elf.h"

static avr_t *avr;
static uart_pty_t uart;
static uint8_t chain[7];        /* last 7 bytes shifted: digits 0..5, then the column byte */
static char shown[16] = "";
static int press_pos = -1;      /* raw key position held down, -1 none */
static uint64_t phase_end;      /* cycle where the current press/release phase ends */
static int pending[32], npending;

static const char GLYPH_CHARS[] = "0123456789AbCdEFGHIJLnoPqrStUy- ";
static const uint8_t GLYPH_SEGS[] = {0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F,
    0x77, 0x7C, 0x39, 0x5E, 0x79, 0x71, 0x3D, 0x76, 0x30, 0x1E, 0x38, 0x54, 0x5C, 0x73, 0x67,
    0x50, 0x6D, 0x78, 0x3E, 0x6E, 0x40, 0x00};
static const char *KEYS[] = {"CALL_NEXT", "RECALL", "SKIP", "TRANSFER", "START", "DONE", "PAUSE",
                             "RATE_1", "RATE_2", "RATE_3", "RATE_4"};

static char glyph_char(uint8_t seg) {
    for (unsigned i = 0; i < sizeof GLYPH_SEGS; i++) if (GLYPH_SEGS[i] == seg) return GLYPH_CHARS[i];
    return '?';
}

static void spi_out(avr_irq_t *irq, uint32_t value, void *param) {
    (void)irq; (void)param;
    memmove(chain, chain + 1, 6);
    chain[6] = (uint8_t)value;
}

/* Latch rising: the 595 outputs change. Decode the digits; drive the keypad rows. */
static void latch(avr_irq_t *irq, uint32_t value, void *param) {
    (void)irq; (void)param;
    if (!value) return;
    int col = -1;
    for (int c = 0; c < 6; c++) if (!(chain[6] & (1u << c))) col = c;
    for (int r = 0; r < 4; r++) {
        int down = press_pos >= 0 && press_pos / 6 == r && press_pos % 6 == col;
        avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ('C'), r), down ? 0 : 1);
    }
    char text[16];
    snprintf(text, sizeof text, "[%c%c%c%c] %c%c", glyph_char(chain[0]), glyph_char(chain[1]),
             glyph_char(chain[2]), glyph_char(chain[3]), glyph_char(chain[4]), glyph_char(chain[5]));
    if (strcmp(text, shown) != 0) {
        strcpy(shown, text);
        printf("digits %s\n", text);
    }
}

/* Key names to raw matrix positions (hardware-docs/counter-board.md). */
static int dip_address = 1;

static void drive_dip(void) {
    for (int b = 0; b < 5; b++) {  /* switch ON pulls the pin to GND: bit set */
        int on = ((dip_address - 1) >> b) & 1;
        avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ('D'), 3 + b), on ? 0 : 1);
    }
}

static int key_pos(const char *name) {
    if (name[0] >= '0' && name[0] <= '9' && name[1] == 0) return name[0] - '0';
    for (int i = 0; i < 11; i++) if (!strcmp(name, KEYS[i])) return 10 + i;
    return -1;
}

static int control(char *line) {
    char *cmd = strtok(line, " \r\n");
    if (!cmd) return 1;
    if (!strcmp(cmd, "quit")) return 0;
    if (!strcmp(cmd, "press")) {
        for (char *t; (t = strtok(NULL, " \r\n")) != NULL;) {
            int p = key_pos(t);
            if (p < 0 || npending == 32) { printf("err bad key %s\n", t); return 1; }
            pending[npending++] = p;
        }
        printf("ok press\n");
    } else {
        printf("err unknown command %s\n", cmd);
    }
    return 1;
}

static void keys_step(void) {
    if (avr->cycle < phase_end) return;
    uint64_t ms40 = (uint64_t)avr->frequency / 25u;
    if (press_pos >= 0) { press_pos = -1; phase_end = avr->cycle + ms40; }
    else if (npending) {
        press_pos = pending[0];
        memmove(pending, pending + 1, sizeof(int) * (size_t)--npending);
        phase_end = avr->cycle + ms40;
    }
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: avr-run counter-board.elf ADDRESS\n"); return 2; }
    dip_address = atoi(argv[2]);
    if (dip_address < 1 || dip_address > 32) { fprintf(stderr, "address must be 1..32\n"); return 2; }
    elf_firmware_t fw;
    memset(&fw, 0, sizeof fw);
    if (elf_read_firmware(argv[1], &fw) != 0) { fprintf(stderr, "cannot read %s\n", argv[1]); return 1; }
    avr = avr_make_mcu_by_name("atmega328p");
    if (!avr) return 1;
    avr_init(avr);
    avr_load_firmware(avr, &fw);
    avr->frequency = 14745600;
    setvbuf(stdout, NULL, _IOLBF, 0);
    uart_pty_init(avr, &uart);
    uart_pty_connect(&uart, '0');
    avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_SPI_GETIRQ(0), SPI_IRQ_OUTPUT), spi_out, NULL);
    avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ('B'), 2), latch, NULL);
    for (int r = 0; r < 4; r++) avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ('C'), r), 1);
    printf("ready %s\n", uart.pty.slavename);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char line[256];
    size_t used = 0;
    for (;;) {
        for (int i = 0; i < 2000; i++) {
            int st = avr_run(avr);
            if (st == cpu_Done || st == cpu_Crashed) { printf("err cpu stopped (%d)\n", st); return 1; }
        }
        keys_step();
        drive_dip();
        /* Real-time throttle: never run ahead of the wall clock. */
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        double wall = (double)(now.tv_sec - t0.tv_sec) + (double)(now.tv_nsec - t0.tv_nsec) / 1e9;
        double sim = (double)avr->cycle / avr->frequency;
        if (sim > wall + 0.001) usleep((useconds_t)((sim - wall) * 1e6));
        struct pollfd p = {STDIN_FILENO, POLLIN, 0};
        if (poll(&p, 1, 0) > 0) {
            ssize_t r = read(STDIN_FILENO, line + used, sizeof line - 1 - used);
            if (r <= 0) break;
            used += (size_t)r;
            line[used] = 0;
            char *nl;
            while ((nl = strchr(line, '\n')) != NULL) {
                *nl = 0;
                if (!control(line)) { uart_pty_stop(&uart); return 0; }
                memmove(line, nl + 1, strlen(nl + 1) + 1);
                used = strlen(line);
            }
        }
    }
    uart_pty_stop(&uart);
    return 0;
}
